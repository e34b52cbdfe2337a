import type { TestProject } from "vitest/node";
import { createTestDatabase } from "../../scripts/support/test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const database = await createTestDatabase("aigov_test");
  project.provide("databaseUrl", database.url);
  return database.drop;
}
