-- CreateEnum
CREATE TYPE "ComplianceState" AS ENUM ('passing', 'failing', 'pending', 'unknown', 'removed');

-- CreateTable
CREATE TABLE "JobLease" (
    "jobId" TEXT NOT NULL,
    "queue" TEXT NOT NULL,
    "workerId" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "JobLease_pkey" PRIMARY KEY ("jobId")
);

-- CreateTable
CREATE TABLE "RequestBudget" (
    "credentialId" TEXT NOT NULL,
    "tokens" DOUBLE PRECISION NOT NULL,
    "refilledAt" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "RequestBudget_pkey" PRIMARY KEY ("credentialId")
);

-- CreateTable
CREATE TABLE "Monitor" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "credentialId" TEXT,
    "orgId" TEXT,
    "scopeKind" TEXT NOT NULL,
    "scopePolicyIds" TEXT[],
    "scopePattern" TEXT,
    "scheduleKind" TEXT NOT NULL,
    "cron" TEXT NOT NULL,
    "timezone" TEXT NOT NULL,
    "alertRules" JSONB NOT NULL DEFAULT '[]',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "scheduleFrom" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Monitor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComplianceSnapshot" (
    "id" TEXT NOT NULL,
    "monitorId" TEXT NOT NULL,
    "scheduledFor" TIMESTAMPTZ(3) NOT NULL,
    "trigger" TEXT NOT NULL,
    "requestedById" TEXT,
    "requestedByName" TEXT,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "observedAt" TIMESTAMPTZ(3),
    "startedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),
    "durationMs" INTEGER,
    "requests" INTEGER NOT NULL DEFAULT 0,
    "pages" INTEGER NOT NULL DEFAULT 0,
    "policies" INTEGER NOT NULL DEFAULT 0,
    "policiesFailed" INTEGER NOT NULL DEFAULT 0,
    "passing" INTEGER NOT NULL DEFAULT 0,
    "failing" INTEGER NOT NULL DEFAULT 0,
    "pending" INTEGER NOT NULL DEFAULT 0,
    "unknown" INTEGER NOT NULL DEFAULT 0,
    "transitions" INTEGER NOT NULL DEFAULT 0,
    "errorKind" TEXT,
    "errorMessage" TEXT,
    "errors" JSONB,
    "alerts" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ComplianceSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CompliancePair" (
    "id" SERIAL NOT NULL,
    "monitorId" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "systemId" TEXT NOT NULL,
    "state" "ComplianceState",
    "since" TIMESTAMPTZ(3) NOT NULL,
    "detail" TEXT,
    "resultAt" TIMESTAMPTZ(3),

    CONSTRAINT "CompliancePair_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComplianceTransition" (
    "id" BIGSERIAL NOT NULL,
    "pairId" INTEGER NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "state" "ComplianceState" NOT NULL,
    "previous" "ComplianceState",
    "detail" TEXT,
    "resultAt" TIMESTAMPTZ(3),

    CONSTRAINT "ComplianceTransition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CompliancePolicy" (
    "monitorId" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CompliancePolicy_pkey" PRIMARY KEY ("monitorId","policyId")
);

-- CreateTable
CREATE TABLE "ComplianceSystem" (
    "monitorId" TEXT NOT NULL,
    "systemId" TEXT NOT NULL,
    "hostname" TEXT,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ComplianceSystem_pkey" PRIMARY KEY ("monitorId","systemId")
);

-- CreateIndex
CREATE INDEX "JobLease_expiresAt_idx" ON "JobLease"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "Monitor_name_key" ON "Monitor"("name");

-- CreateIndex
CREATE INDEX "ComplianceSnapshot_monitorId_observedAt_idx" ON "ComplianceSnapshot"("monitorId", "observedAt");

-- CreateIndex
CREATE INDEX "ComplianceSnapshot_status_idx" ON "ComplianceSnapshot"("status");

-- CreateIndex
CREATE UNIQUE INDEX "ComplianceSnapshot_monitorId_scheduledFor_key" ON "ComplianceSnapshot"("monitorId", "scheduledFor");

-- CreateIndex
CREATE INDEX "CompliancePair_monitorId_state_policyId_idx" ON "CompliancePair"("monitorId", "state", "policyId");

-- CreateIndex
CREATE INDEX "CompliancePair_monitorId_state_since_id_idx" ON "CompliancePair"("monitorId", "state", "since", "id");

-- CreateIndex
CREATE UNIQUE INDEX "CompliancePair_monitorId_policyId_systemId_key" ON "CompliancePair"("monitorId", "policyId", "systemId");

-- CreateIndex
CREATE INDEX "ComplianceTransition_pairId_at_idx" ON "ComplianceTransition"("pairId", "at");

-- CreateIndex
CREATE INDEX "ComplianceTransition_at_idx" ON "ComplianceTransition"("at");

-- AddForeignKey
ALTER TABLE "RequestBudget" ADD CONSTRAINT "RequestBudget_credentialId_fkey" FOREIGN KEY ("credentialId") REFERENCES "Credential"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Monitor" ADD CONSTRAINT "Monitor_credentialId_fkey" FOREIGN KEY ("credentialId") REFERENCES "Credential"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Monitor" ADD CONSTRAINT "Monitor_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplianceSnapshot" ADD CONSTRAINT "ComplianceSnapshot_monitorId_fkey" FOREIGN KEY ("monitorId") REFERENCES "Monitor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompliancePair" ADD CONSTRAINT "CompliancePair_monitorId_fkey" FOREIGN KEY ("monitorId") REFERENCES "Monitor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplianceTransition" ADD CONSTRAINT "ComplianceTransition_pairId_fkey" FOREIGN KEY ("pairId") REFERENCES "CompliancePair"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompliancePolicy" ADD CONSTRAINT "CompliancePolicy_monitorId_fkey" FOREIGN KEY ("monitorId") REFERENCES "Monitor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplianceSystem" ADD CONSTRAINT "ComplianceSystem_monitorId_fkey" FOREIGN KEY ("monitorId") REFERENCES "Monitor"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- A rate budget is worth nothing after a crash: unlogged, its reservations commit without waiting for a WAL flush.
ALTER TABLE "RequestBudget" SET UNLOGGED;
