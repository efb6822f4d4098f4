-- What a run detail page shows beyond counts: the config as run, the input (bounded), the resolved parameters
-- and the planned requests (secrets masked). Older runs keep NULL in each.
ALTER TABLE "Run" ADD COLUMN "config" JSONB,
ADD COLUMN "input" JSONB,
ADD COLUMN "inputBytes" INTEGER,
ADD COLUMN "parameters" JSONB,
ADD COLUMN "requestPlan" JSONB;
