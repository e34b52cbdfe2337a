-- CreateEnum
CREATE TYPE "RiskCategory" AS ENUM ('security', 'privacy', 'fairness', 'safety', 'transparency', 'accountability', 'robustness');

-- CreateEnum
CREATE TYPE "RiskTreatment" AS ENUM ('mitigate', 'accept', 'transfer', 'avoid');

-- CreateEnum
CREATE TYPE "RiskStatus" AS ENUM ('open', 'in_treatment', 'accepted', 'closed');

-- CreateEnum
CREATE TYPE "ControlStatus" AS ENUM ('not_started', 'in_progress', 'implemented', 'not_applicable');

-- CreateEnum
CREATE TYPE "EvidenceKind" AS ENUM ('file', 'link');

-- CreateTable
CREATE TABLE "AtlasRelease" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "isCurrent" BOOLEAN NOT NULL DEFAULT false,
    "counts" JSONB NOT NULL,
    "changes" JSONB NOT NULL,
    "importedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AtlasRelease_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AtlasObject" (
    "id" TEXT NOT NULL,
    "releaseId" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "parentId" TEXT,
    "tacticIds" TEXT[],
    "techniqueIds" TEXT[],
    "data" JSONB NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "AtlasObject_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ThreatProfileEntry" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "systemId" TEXT NOT NULL,
    "techniqueId" TEXT NOT NULL,
    "techniqueName" TEXT NOT NULL,
    "atlasVersion" TEXT NOT NULL,
    "rationale" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ThreatProfileEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RiskMatrix" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "likelihoodLabels" TEXT[],
    "impactLabels" TEXT[],
    "levels" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RiskMatrix_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Risk" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "systemId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "category" "RiskCategory" NOT NULL,
    "techniqueIds" TEXT[],
    "owaspIds" TEXT[],
    "inherentLikelihood" INTEGER NOT NULL,
    "inherentImpact" INTEGER NOT NULL,
    "treatment" "RiskTreatment" NOT NULL DEFAULT 'mitigate',
    "treatmentPlan" TEXT NOT NULL DEFAULT '',
    "residualLikelihood" INTEGER,
    "residualImpact" INTEGER,
    "ownerId" TEXT,
    "dueDate" TIMESTAMP(3),
    "status" "RiskStatus" NOT NULL DEFAULT 'open',
    "acceptanceReason" TEXT NOT NULL DEFAULT '',
    "acceptedById" TEXT,
    "acceptedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Risk_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RiskControl" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "riskId" TEXT NOT NULL,
    "framework" TEXT NOT NULL,
    "controlId" TEXT NOT NULL,

    CONSTRAINT "RiskControl_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SystemControl" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "systemId" TEXT NOT NULL,
    "framework" TEXT NOT NULL,
    "controlId" TEXT NOT NULL,
    "status" "ControlStatus" NOT NULL DEFAULT 'not_started',
    "justification" TEXT NOT NULL DEFAULT '',
    "ownerId" TEXT,
    "reviewDate" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SystemControl_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Evidence" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "systemId" TEXT NOT NULL,
    "kind" "EvidenceKind" NOT NULL,
    "title" TEXT NOT NULL,
    "url" TEXT NOT NULL DEFAULT '',
    "fileName" TEXT NOT NULL DEFAULT '',
    "mimeType" TEXT NOT NULL DEFAULT '',
    "size" INTEGER NOT NULL DEFAULT 0,
    "sha256" TEXT NOT NULL DEFAULT '',
    "content" BYTEA,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvidenceLink" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "evidenceId" TEXT NOT NULL,
    "systemId" TEXT NOT NULL,
    "framework" TEXT NOT NULL,
    "controlId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvidenceLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AtlasRelease_orgId_isCurrent_idx" ON "AtlasRelease"("orgId", "isCurrent");

-- CreateIndex
CREATE UNIQUE INDEX "AtlasRelease_orgId_sha256_key" ON "AtlasRelease"("orgId", "sha256");

-- CreateIndex
CREATE INDEX "AtlasObject_orgId_externalId_idx" ON "AtlasObject"("orgId", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "AtlasObject_releaseId_externalId_key" ON "AtlasObject"("releaseId", "externalId");

-- CreateIndex
CREATE INDEX "ThreatProfileEntry_orgId_techniqueId_idx" ON "ThreatProfileEntry"("orgId", "techniqueId");

-- CreateIndex
CREATE UNIQUE INDEX "ThreatProfileEntry_systemId_techniqueId_key" ON "ThreatProfileEntry"("systemId", "techniqueId");

-- CreateIndex
CREATE UNIQUE INDEX "RiskMatrix_orgId_key" ON "RiskMatrix"("orgId");

-- CreateIndex
CREATE INDEX "Risk_orgId_systemId_idx" ON "Risk"("orgId", "systemId");

-- CreateIndex
CREATE INDEX "Risk_orgId_status_idx" ON "Risk"("orgId", "status");

-- CreateIndex
CREATE INDEX "Risk_techniqueIds_idx" ON "Risk" USING GIN ("techniqueIds" array_ops);

-- CreateIndex
CREATE UNIQUE INDEX "RiskControl_riskId_framework_controlId_key" ON "RiskControl"("riskId", "framework", "controlId");

-- CreateIndex
CREATE INDEX "SystemControl_orgId_framework_status_idx" ON "SystemControl"("orgId", "framework", "status");

-- CreateIndex
CREATE UNIQUE INDEX "SystemControl_systemId_framework_controlId_key" ON "SystemControl"("systemId", "framework", "controlId");

-- CreateIndex
CREATE INDEX "Evidence_orgId_systemId_idx" ON "Evidence"("orgId", "systemId");

-- CreateIndex
CREATE INDEX "EvidenceLink_orgId_systemId_framework_controlId_idx" ON "EvidenceLink"("orgId", "systemId", "framework", "controlId");

-- CreateIndex
CREATE UNIQUE INDEX "EvidenceLink_evidenceId_framework_controlId_key" ON "EvidenceLink"("evidenceId", "framework", "controlId");

-- AddForeignKey
ALTER TABLE "AtlasObject" ADD CONSTRAINT "AtlasObject_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "AtlasRelease"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThreatProfileEntry" ADD CONSTRAINT "ThreatProfileEntry_systemId_fkey" FOREIGN KEY ("systemId") REFERENCES "AISystem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Risk" ADD CONSTRAINT "Risk_systemId_fkey" FOREIGN KEY ("systemId") REFERENCES "AISystem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RiskControl" ADD CONSTRAINT "RiskControl_riskId_fkey" FOREIGN KEY ("riskId") REFERENCES "Risk"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SystemControl" ADD CONSTRAINT "SystemControl_systemId_fkey" FOREIGN KEY ("systemId") REFERENCES "AISystem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_systemId_fkey" FOREIGN KEY ("systemId") REFERENCES "AISystem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceLink" ADD CONSTRAINT "EvidenceLink_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "Evidence"("id") ON DELETE CASCADE ON UPDATE CASCADE;
