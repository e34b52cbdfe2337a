-- CreateEnum
CREATE TYPE "Role" AS ENUM ('admin', 'compliance_officer', 'risk_owner', 'executive', 'auditor');

-- CreateEnum
CREATE TYPE "LifecycleStage" AS ENUM ('idea', 'design', 'development', 'validation', 'production', 'retired');

-- CreateEnum
CREATE TYPE "EuAiActRole" AS ENUM ('provider', 'deployer', 'importer', 'distributor', 'product_manufacturer', 'authorised_representative');

-- CreateEnum
CREATE TYPE "RiskTier" AS ENUM ('prohibited', 'high', 'limited', 'minimal', 'gpai', 'gpai_systemic', 'unclassified');

-- CreateEnum
CREATE TYPE "AutonomyLevel" AS ENUM ('assistive', 'human_in_the_loop', 'human_on_the_loop', 'autonomous');

-- CreateEnum
CREATE TYPE "Hosting" AS ENUM ('on_premises', 'private_cloud', 'public_cloud', 'vendor_saas', 'edge_device', 'hybrid');

-- CreateEnum
CREATE TYPE "ComponentKind" AS ENUM ('model', 'dataset', 'service');

-- CreateEnum
CREATE TYPE "ClassificationDecision" AS ENUM ('accepted', 'overridden');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Organization" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "auditSeq" INTEGER NOT NULL DEFAULT 0,
    "auditHeadHash" TEXT,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginAttempt" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "success" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoginAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "scopes" TEXT[],
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AISystem" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "purpose" TEXT NOT NULL DEFAULT '',
    "businessUnit" TEXT NOT NULL DEFAULT '',
    "ownerId" TEXT,
    "lifecycleStage" "LifecycleStage" NOT NULL DEFAULT 'idea',
    "deploymentContext" TEXT NOT NULL DEFAULT '',
    "euAiActRole" "EuAiActRole" NOT NULL DEFAULT 'deployer',
    "riskTier" "RiskTier" NOT NULL DEFAULT 'unclassified',
    "riskTierBasis" TEXT NOT NULL DEFAULT '',
    "riskTierRationale" TEXT NOT NULL DEFAULT '',
    "modelType" TEXT NOT NULL DEFAULT '',
    "foundationModel" TEXT NOT NULL DEFAULT '',
    "vendor" TEXT NOT NULL DEFAULT '',
    "hosting" "Hosting",
    "dataCategories" TEXT[],
    "affectedPersons" TEXT NOT NULL DEFAULT '',
    "humanOversight" TEXT NOT NULL DEFAULT '',
    "autonomyLevel" "AutonomyLevel" NOT NULL DEFAULT 'human_in_the_loop',
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "archivedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AISystem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SystemComponent" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "systemId" TEXT NOT NULL,
    "kind" "ComponentKind" NOT NULL,
    "name" TEXT NOT NULL,
    "version" TEXT NOT NULL DEFAULT '',
    "sourceUrl" TEXT NOT NULL DEFAULT '',
    "licence" TEXT NOT NULL DEFAULT '',
    "sha256" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SystemComponent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClassificationAssessment" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "systemId" TEXT NOT NULL,
    "answers" JSONB NOT NULL,
    "proposedTier" "RiskTier" NOT NULL,
    "proposedBasis" JSONB NOT NULL,
    "proposedSummary" TEXT NOT NULL,
    "decision" "ClassificationDecision",
    "decidedTier" "RiskTier",
    "overrideReason" TEXT NOT NULL DEFAULT '',
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClassificationAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "actorType" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "actorLabel" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "subjectId" TEXT,
    "changes" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "prevHash" TEXT,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Organization_slug_key" ON "Organization"("slug");

-- CreateIndex
CREATE INDEX "Membership_userId_idx" ON "Membership"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_orgId_userId_key" ON "Membership"("orgId", "userId");

-- CreateIndex
CREATE INDEX "LoginAttempt_email_createdAt_idx" ON "LoginAttempt"("email", "createdAt");

-- CreateIndex
CREATE INDEX "LoginAttempt_ip_createdAt_idx" ON "LoginAttempt"("ip", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_orgId_idx" ON "ApiToken"("orgId");

-- CreateIndex
CREATE INDEX "AISystem_orgId_archivedAt_name_idx" ON "AISystem"("orgId", "archivedAt", "name");

-- CreateIndex
CREATE INDEX "AISystem_orgId_archivedAt_updatedAt_idx" ON "AISystem"("orgId", "archivedAt", "updatedAt");

-- CreateIndex
CREATE INDEX "AISystem_orgId_riskTier_idx" ON "AISystem"("orgId", "riskTier");

-- CreateIndex
CREATE INDEX "AISystem_orgId_lifecycleStage_idx" ON "AISystem"("orgId", "lifecycleStage");

-- CreateIndex
CREATE INDEX "AISystem_orgId_businessUnit_idx" ON "AISystem"("orgId", "businessUnit");

-- CreateIndex
CREATE INDEX "AISystem_orgId_ownerId_idx" ON "AISystem"("orgId", "ownerId");

-- CreateIndex
CREATE INDEX "SystemComponent_orgId_systemId_idx" ON "SystemComponent"("orgId", "systemId");

-- CreateIndex
CREATE INDEX "ClassificationAssessment_orgId_systemId_createdAt_idx" ON "ClassificationAssessment"("orgId", "systemId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_orgId_createdAt_idx" ON "AuditEvent"("orgId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_orgId_subjectId_seq_idx" ON "AuditEvent"("orgId", "subjectId", "seq");

-- CreateIndex
CREATE INDEX "AuditEvent_orgId_entityType_entityId_idx" ON "AuditEvent"("orgId", "entityType", "entityId");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_orgId_seq_key" ON "AuditEvent"("orgId", "seq");

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AISystem" ADD CONSTRAINT "AISystem_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AISystem" ADD CONSTRAINT "AISystem_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SystemComponent" ADD CONSTRAINT "SystemComponent_systemId_fkey" FOREIGN KEY ("systemId") REFERENCES "AISystem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClassificationAssessment" ADD CONSTRAINT "ClassificationAssessment_systemId_fkey" FOREIGN KEY ("systemId") REFERENCES "AISystem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
