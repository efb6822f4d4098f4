-- What a run warned its caller about (unknown fields, a list cut at a full page, ...), shown on the run detail.
ALTER TABLE "Run" ADD COLUMN "warnings" JSONB;
