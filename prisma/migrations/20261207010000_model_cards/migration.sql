-- Model card fields of a component (issue 8 section 5): Hugging Face metadata, evaluation results, the imported card

-- AlterTable
ALTER TABLE "SystemComponent" ADD COLUMN     "baseModels" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "cardMetadata" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "cardText" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "datasets" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "evalResults" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "languages" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "libraryName" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "pipelineTag" TEXT NOT NULL DEFAULT '';

