-- The questionnaire and rules version a classification was proposed under (issue 12 section 5), null when proposed before versioning
ALTER TABLE "ClassificationAssessment" ADD COLUMN "rulesVersion" TEXT;
