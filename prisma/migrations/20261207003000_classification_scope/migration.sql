-- AlterEnum: out of scope of the AI Act (Art 2, Art 3(1)), shown like a tier (issue 12 section 2)
ALTER TYPE "RiskTier" ADD VALUE 'out_of_scope' BEFORE 'unclassified';
