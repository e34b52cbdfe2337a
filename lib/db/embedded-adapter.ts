import { mkdir } from "node:fs/promises";
import path from "node:path";
import { applyMigrations } from "./apply-migrations";

/**
 * A Prisma driver adapter factory over an in-process PGlite, opened lazily on the first query so
 * that `next build` workers never open the data directory. Pending migrations are applied on open.
 */
export function createEmbeddedAdapter() {
  let opened: Promise<{ pglite: import("@electric-sql/pglite").PGlite; factory: { connect(): Promise<unknown> } }> | undefined;
  return {
    provider: "postgres" as const,
    adapterName: "pglite-embedded",
    async connect() {
      opened ??= (async () => {
        const { PGlite } = await import("@electric-sql/pglite");
        const { PrismaPGlite } = await import("pglite-prisma-adapter");
        const dataDir = process.env.PGLITE_DIR ?? path.join(process.cwd(), ".data", "pglite");
        await mkdir(path.dirname(dataDir), { recursive: true }); // PGlite creates the last level only
        const pglite = await PGlite.create({ dataDir });
        await applyMigrations(pglite, path.join(process.cwd(), "prisma", "migrations"));
        return { pglite, factory: new PrismaPGlite(pglite) };
      })();
      const { pglite, factory } = await opened;
      const adapter = (await factory.connect()) as { dispose: () => Promise<void> };
      // the adapter's dispose() is a no-op; closing PGlite lets scripts exit after $disconnect()
      adapter.dispose = async () => {
        opened = undefined;
        await pglite.close();
      };
      return adapter;
    },
  };
}
