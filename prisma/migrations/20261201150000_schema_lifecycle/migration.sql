-- Closed sets become enums (existing values convert in place), runs name their integration service, and every
-- foreign key and list query has its index.

-- CreateEnum
CREATE TYPE "RunStatus" AS ENUM ('running', 'success', 'error');

-- CreateEnum
CREATE TYPE "RunVia" AS ENUM ('builder', 'api');

-- CreateEnum
CREATE TYPE "AuditOutcome" AS ENUM ('success', 'failure');

-- AlterTable
ALTER TABLE "AuditEvent" ALTER COLUMN "outcome" TYPE "AuditOutcome" USING "outcome"::"AuditOutcome";

-- AlterTable
ALTER TABLE "Run"
  ADD COLUMN "service" TEXT NOT NULL DEFAULT 'jumpcloud',
  ALTER COLUMN "via" TYPE "RunVia" USING "via"::"RunVia",
  ALTER COLUMN "status" TYPE "RunStatus" USING "status"::"RunStatus";

-- DropIndex
DROP INDEX "AuditEvent_action_idx";

-- DropIndex
DROP INDEX "Run_status_idx";

-- DropIndex
DROP INDEX "Run_nodeConfigId_idx";

-- CreateIndex
CREATE INDEX "AuditEvent_action_createdAt_idx" ON "AuditEvent"("action", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_idx" ON "AuditEvent"("actorId");

-- CreateIndex
CREATE INDEX "Credential_createdById_idx" ON "Credential"("createdById");

-- CreateIndex
CREATE INDEX "NodeConfig_credentialId_idx" ON "NodeConfig"("credentialId");

-- CreateIndex
CREATE INDEX "NodeConfig_createdById_idx" ON "NodeConfig"("createdById");

-- CreateIndex
CREATE INDEX "Run_status_startedAt_idx" ON "Run"("status", "startedAt" DESC);

-- CreateIndex
CREATE INDEX "Run_nodeConfigId_startedAt_idx" ON "Run"("nodeConfigId", "startedAt" DESC);

-- CreateIndex
CREATE INDEX "Run_actorId_idx" ON "Run"("actorId");

-- CreateIndex
CREATE INDEX "Run_credentialId_idx" ON "Run"("credentialId");
