-- A saved node's per-item execution setting (runPerItem: true, or { concurrency, continueOnError }), NULL to run once.
ALTER TABLE "NodeConfig" ADD COLUMN "runPerItem" JSONB;
