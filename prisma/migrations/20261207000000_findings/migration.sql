-- CreateEnum
CREATE TYPE "FindingImportStatus" AS ENUM ('queued', 'processing', 'completed', 'rejected', 'failed');

-- CreateEnum
CREATE TYPE "FindingStatus" AS ENUM ('open', 'triaged', 'mitigated', 'false_positive', 'accepted');

-- CreateTable
CREATE TABLE "FindingImport" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "systemId" TEXT NOT NULL,
    "status" "FindingImportStatus" NOT NULL,
    "requestedFormat" TEXT NOT NULL,
    "format" TEXT,
    "tool" TEXT,
    "toolVersion" TEXT,
    "targetType" TEXT,
    "targetName" TEXT,
    "runId" TEXT,
    "runStartedAt" TEXT,
    "fileName" TEXT NOT NULL DEFAULT '',
    "sha256" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "records" INTEGER NOT NULL DEFAULT 0,
    "results" INTEGER NOT NULL DEFAULT 0,
    "opened" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "reopened" INTEGER NOT NULL DEFAULT 0,
    "notReproduced" INTEGER NOT NULL DEFAULT 0,
    "rejected" JSONB NOT NULL DEFAULT '[]',
    "duplicateOfId" TEXT,
    "error" TEXT NOT NULL DEFAULT '',
    "uploadedById" TEXT NOT NULL,
    "uploadedByLabel" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "FindingImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FindingImportChunk" (
    "importId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "FindingImportChunk_pkey" PRIMARY KEY ("importId","seq")
);

-- CreateTable
CREATE TABLE "TestResult" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "systemId" TEXT NOT NULL,
    "importId" TEXT NOT NULL,
    "runIndex" INTEGER NOT NULL,
    "tool" TEXT NOT NULL,
    "testId" TEXT NOT NULL,
    "detector" TEXT NOT NULL DEFAULT '',
    "fingerprint" TEXT NOT NULL,
    "evaluated" INTEGER,
    "failed" INTEGER,
    "score" DOUBLE PRECISION,
    "ciLower" DOUBLE PRECISION,
    "ciUpper" DOUBLE PRECISION,
    "ciLevel" DOUBLE PRECISION,
    "severity" TEXT,
    "tags" TEXT[],
    "suppressed" BOOLEAN NOT NULL DEFAULT false,
    "message" TEXT,
    "artifact" TEXT,
    "location" TEXT NOT NULL,
    "techniqueIds" TEXT[],
    "owaspIds" TEXT[],
    "evidence" JSONB NOT NULL DEFAULT '[]',
    "findingId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TestResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Finding" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "systemId" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "tool" TEXT NOT NULL,
    "testId" TEXT NOT NULL,
    "detector" TEXT NOT NULL DEFAULT '',
    "title" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "severityRank" INTEGER NOT NULL DEFAULT 0,
    "techniqueIds" TEXT[],
    "owaspIds" TEXT[],
    "status" "FindingStatus" NOT NULL DEFAULT 'open',
    "statusReason" TEXT NOT NULL DEFAULT '',
    "statusChangedById" TEXT,
    "statusChangedAt" TIMESTAMP(3),
    "riskId" TEXT,
    "firstImportId" TEXT NOT NULL,
    "lastImportId" TEXT NOT NULL,
    "lastFailedImportId" TEXT NOT NULL,
    "notReproducedImportId" TEXT,
    "firstSeenAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "lastEvaluated" INTEGER,
    "lastFailed" INTEGER,
    "lastAttackSuccessRate" DOUBLE PRECISION,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Finding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TestMapping" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "tool" TEXT NOT NULL,
    "testId" TEXT NOT NULL,
    "techniqueIds" TEXT[],
    "owaspIds" TEXT[],
    "note" TEXT NOT NULL DEFAULT '',
    "updatedById" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TestMapping_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FindingImport_orgId_systemId_createdAt_idx" ON "FindingImport"("orgId", "systemId", "createdAt");

-- CreateIndex
CREATE INDEX "FindingImport_systemId_sha256_idx" ON "FindingImport"("systemId", "sha256");

-- CreateIndex
CREATE INDEX "FindingImport_orgId_createdAt_idx" ON "FindingImport"("orgId", "createdAt");

-- CreateIndex
CREATE INDEX "TestResult_importId_idx" ON "TestResult"("importId");

-- CreateIndex
CREATE INDEX "TestResult_orgId_systemId_tool_testId_idx" ON "TestResult"("orgId", "systemId", "tool", "testId");

-- CreateIndex
CREATE INDEX "TestResult_findingId_idx" ON "TestResult"("findingId");

-- CreateIndex
CREATE INDEX "Finding_orgId_status_severityRank_idx" ON "Finding"("orgId", "status", "severityRank");

-- CreateIndex
CREATE INDEX "Finding_orgId_systemId_status_idx" ON "Finding"("orgId", "systemId", "status");

-- CreateIndex
CREATE INDEX "Finding_orgId_lastSeenAt_idx" ON "Finding"("orgId", "lastSeenAt");

-- CreateIndex
CREATE INDEX "Finding_techniqueIds_idx" ON "Finding" USING GIN ("techniqueIds" array_ops);

-- CreateIndex
CREATE UNIQUE INDEX "Finding_systemId_fingerprint_key" ON "Finding"("systemId", "fingerprint");

-- CreateIndex
CREATE UNIQUE INDEX "TestMapping_orgId_tool_testId_key" ON "TestMapping"("orgId", "tool", "testId");

-- AddForeignKey
ALTER TABLE "FindingImport" ADD CONSTRAINT "FindingImport_systemId_fkey" FOREIGN KEY ("systemId") REFERENCES "AISystem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FindingImportChunk" ADD CONSTRAINT "FindingImportChunk_importId_fkey" FOREIGN KEY ("importId") REFERENCES "FindingImport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_systemId_fkey" FOREIGN KEY ("systemId") REFERENCES "AISystem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

