// Prisma 6.19 CLI configuration for running fully offline (docs/decisions/001-prisma-offline.md).
// Each numbered workaround below was reproduced on this stack; do not remove one without re-testing.
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

// (1) Prisma 6.19's wasm schema engine cannot deserialize pg_catalog columns of type
//     `name` (OID 19) and `"char"` (OID 18) (prisma/prisma#27403). Report them as text (25)
//     on the migration connections only.
const asText = (r: any) => {
  r?.fields?.forEach((f: any) => {
    if (f.dataTypeID === 19 || f.dataTypeID === 18) f.dataTypeID = 25;
  });
  return r;
};
class CatalogSafeClient extends pg.Client {
  query(...args: any[]): any {
    const last = args[args.length - 1];
    if (typeof last === "function") {
      args[args.length - 1] = (err: any, r: any) => last(err, asText(r));
      return (super.query as any)(...args);
    }
    if (args[0] && typeof args[0].callback === "function") {
      const cb = args[0].callback;
      args[0].callback = (err: any, r: any) => cb(err, asText(r));
    }
    const res: any = (super.query as any)(...args);
    return res && typeof res.then === "function" ? res.then(asText) : res;
  }
}

// (2) Discrete fields, NOT connectionString: PrismaPg.connectToShadowDb() does
//     new Pool({ ...config, database: shadow }) and pg lets connectionString override
//     `database`, so the "shadow" silently becomes the main database.
function pgConfig(url: string, database?: string) {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: database ?? decodeURIComponent(u.pathname.slice(1)),
    Client: CatalogSafeClient,
    allowExitOnIdle: true, // else each CLI command lingers ~10 s (pg idleTimeoutMillis)
  } as any;
}

// (3) Stock connectToShadowDb() drops the shadow DB *before* closing its pool
//     -> "database ... is being accessed by other users". Close first, then drop.
class MigratePg extends PrismaPg {
  constructor(private url: string) {
    super(pgConfig(url));
  }
  async connectToShadowDb() {
    const admin = await this.connect();
    const name = `prisma_shadow_${crypto.randomUUID().replaceAll("-", "")}`;

    await admin.executeScript(`CREATE DATABASE "${name}"`);
    const shadow = await new PrismaPg(pgConfig(this.url, name)).connect();
    const closeShadow = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await closeShadow();
      await admin.executeScript(`DROP DATABASE IF EXISTS "${name}"`);
      await admin.dispose();
    };
    return shadow;
  }
}

// (4) The wasm schema engine leaves a 10 s timer armed after migrate dev/deploy/reset, so the
//     CLI idles ~10 s before exiting. Unref long timers created from Prisma's CLI bundle.
const origSetTimeout = globalThis.setTimeout;
(globalThis as any).setTimeout = function (fn: any, ms?: number, ...a: any[]) {
  const t: any = (origSetTimeout as any).call(this, fn, ms, ...a);
  if ((ms ?? 0) >= 5000 && /prisma[\\/]build/.test(new Error().stack ?? "")) t?.unref?.();
  return t;
};

// (5) Without a resolvable env("DATABASE_URL") the CLI cannot read the schema and falls back to
// downloading libquery_engine (fails offline). A placeholder keeps generate/validate offline.
try {
  process.loadEnvFile(".env");
} catch {} // prisma.config.ts disables Prisma's own .env loading
process.env.DATABASE_URL ||= "postgresql://placeholder:placeholder@127.0.0.1:5432/placeholder";

export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  // cast: next build type-checks this file too (stack.md P7)
  adapter: async () => new MigratePg(process.env.DATABASE_URL!) as any,
});
