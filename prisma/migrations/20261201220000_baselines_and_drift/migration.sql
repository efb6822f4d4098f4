-- Baselines (versioned desired state of policies), drift checks and drift items.
-- CreateTable
CREATE TABLE "Baseline" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "credentialId" TEXT,
    "orgId" TEXT,
    "scheduleKind" TEXT,
    "cron" TEXT,
    "timezone" TEXT NOT NULL DEFAULT 'UTC',
    "scheduleFrom" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "currentVersion" INTEGER NOT NULL DEFAULT 1,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "createdByName" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Baseline_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BaselineVersion" (
    "id" TEXT NOT NULL,
    "baselineId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "policies" JSONB NOT NULL,
    "createdById" TEXT,
    "createdByName" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BaselineVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DriftCheck" (
    "id" TEXT NOT NULL,
    "baselineId" TEXT NOT NULL,
    "baselineVersion" INTEGER NOT NULL,
    "scheduledFor" TIMESTAMPTZ(3) NOT NULL,
    "trigger" TEXT NOT NULL,
    "requestedByName" TEXT,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "startedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),
    "durationMs" INTEGER,
    "requests" INTEGER NOT NULL DEFAULT 0,
    "policies" INTEGER NOT NULL DEFAULT 0,
    "open" INTEGER NOT NULL DEFAULT 0,
    "opened" INTEGER NOT NULL DEFAULT 0,
    "resolved" INTEGER NOT NULL DEFAULT 0,
    "errorKind" TEXT,
    "errorMessage" TEXT,
    "errors" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DriftCheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DriftItem" (
    "id" TEXT NOT NULL,
    "baselineId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "policyName" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "detail" JSONB NOT NULL,
    "expected" JSONB,
    "actual" JSONB,
    "status" TEXT NOT NULL,
    "resolution" TEXT,
    "firstSeenAt" TIMESTAMPTZ(3) NOT NULL,
    "firstCheckId" TEXT NOT NULL,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL,
    "lastCheckId" TEXT NOT NULL,
    "resolvedAt" TIMESTAMPTZ(3),
    "resolvedByName" TEXT,

    CONSTRAINT "DriftItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Baseline_name_key" ON "Baseline"("name");

-- CreateIndex
CREATE UNIQUE INDEX "BaselineVersion_baselineId_number_key" ON "BaselineVersion"("baselineId", "number");

-- CreateIndex
CREATE INDEX "DriftCheck_status_idx" ON "DriftCheck"("status");

-- CreateIndex
CREATE UNIQUE INDEX "DriftCheck_baselineId_scheduledFor_key" ON "DriftCheck"("baselineId", "scheduledFor");

-- CreateIndex
CREATE INDEX "DriftItem_baselineId_status_firstSeenAt_idx" ON "DriftItem"("baselineId", "status", "firstSeenAt");

-- CreateIndex
CREATE INDEX "DriftItem_baselineId_key_idx" ON "DriftItem"("baselineId", "key");

-- AddForeignKey
ALTER TABLE "Baseline" ADD CONSTRAINT "Baseline_credentialId_fkey" FOREIGN KEY ("credentialId") REFERENCES "Credential"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BaselineVersion" ADD CONSTRAINT "BaselineVersion_baselineId_fkey" FOREIGN KEY ("baselineId") REFERENCES "Baseline"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DriftCheck" ADD CONSTRAINT "DriftCheck_baselineId_fkey" FOREIGN KEY ("baselineId") REFERENCES "Baseline"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DriftItem" ADD CONSTRAINT "DriftItem_baselineId_fkey" FOREIGN KEY ("baselineId") REFERENCES "Baseline"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- One open item per difference: two checks recording at once cannot both open it (not expressible in schema.prisma).
CREATE UNIQUE INDEX "DriftItem_open_key" ON "DriftItem"("baselineId", "key") WHERE "status" = 'open';
