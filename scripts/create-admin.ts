// Creates an organisation and its first admin for a real deployment:
//   npm run admin:create -- --org "Acme Ltd" --slug acme --email ada@acme.com --name "Ada Lovelace"
// The password is generated and printed once, or taken from ADMIN_PASSWORD (at least 12 characters).
// With the embedded database, stop the app server first: only one process may open .data/pglite.
import { parseArgs } from "node:util";
import { z } from "zod";
import { AppError } from "@/lib/errors";

const USAGE = `Usage: npm run admin:create -- --org "Acme Ltd" --slug acme --email ada@acme.com --name "Ada Lovelace"
  --org     organisation name
  --slug    short identifier: lower-case letters, digits and hyphens (2–50 characters)
  --email   e-mail address of the first admin (must not have an account yet)
  --name    the admin's full name
Set ADMIN_PASSWORD (at least 12 characters) to choose the password; otherwise one is generated and shown once.`;

const argsSchema = z.object({
  org: z.string({ error: "--org is required" }).trim().min(1, "--org must not be empty").max(200, "--org must be at most 200 characters"),
  slug: z
    .string({ error: "--slug is required" })
    .trim()
    .regex(/^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])$/, "--slug must be 2–50 lower-case letters, digits or hyphens, not starting or ending with a hyphen")
    .refine((s) => s !== "demo", '--slug "demo" is reserved for the demo organisation (npm run demo)'),
  email: z
    .email({ error: (issue) => (issue.input === undefined ? "--email is required" : "--email must be a valid e-mail address") })
    .trim()
    .toLowerCase()
    .max(254),
  name: z.string({ error: "--name is required" }).trim().min(1, "--name must not be empty").max(120, "--name must be at most 120 characters"),
});

function fail(message: string, showUsage = false): never {
  console.error(`Error: ${message}`);
  if (showUsage) console.error(`\n${USAGE}`);
  process.exit(1);
}

// ── arguments ──────────────────────────────────────────────────────────────────────────────────
let raw: Record<string, unknown>;
try {
  const parsed = parseArgs({
    options: { org: { type: "string" }, slug: { type: "string" }, email: { type: "string" }, name: { type: "string" }, help: { type: "boolean", short: "h" } },
    strict: true,
    allowPositionals: false,
  });
  if (parsed.values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  raw = parsed.values;
} catch (error) {
  fail(error instanceof Error ? error.message : String(error), true);
}
const parsedArgs = argsSchema.safeParse(raw);
if (!parsedArgs.success) fail(parsedArgs.error.issues.map((i) => i.message).join("\n       "), true);
const { org, slug, email, name } = parsedArgs.data;

const fromEnv = process.env.ADMIN_PASSWORD;
if (fromEnv !== undefined) {
  if (fromEnv.length < 12) fail("ADMIN_PASSWORD must be at least 12 characters long.");
  // bcrypt only looks at the first 72 bytes; a longer password would be silently shortened
  if (Buffer.byteLength(fromEnv, "utf8") > 72) fail("ADMIN_PASSWORD must be at most 72 bytes long.");
}

// ── database ───────────────────────────────────────────────────────────────────────────────────
// Read .env like the app (the environment wins), before the database client is loaded, so the
// admin is created in the database the server uses.
try {
  process.loadEnvFile(".env");
} catch {
  // no .env: defaults apply
}
const { db } = await import("@/lib/db/client");
const { createOrganization } = await import("@/lib/orgs/create-organization");
const { generatePassword } = await import("@/lib/auth/generate-password");

try {
  // Checked up front for clear messages. createOrganization would link an existing account
  // (keeping its old password) instead of failing, so the e-mail check is needed here; a slug
  // taken in the meantime still fails inside the transaction as a CONFLICT.
  if (await db.organization.findUnique({ where: { slug }, select: { id: true } })) {
    throw new AppError("CONFLICT", `The slug "${slug}" is already used by another organisation.`);
  }
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) {
    throw new AppError(
      "CONFLICT",
      `An account with the e-mail ${email} already exists. Use another address, or add that person as a member of the organisation instead.`,
    );
  }
  const password = fromEnv ?? generatePassword();
  const { orgId } = await createOrganization({ input: { name: org, slug, admin: { email, name, password } } });
  const loginUrl = `${(process.env.NEXTAUTH_URL || "http://localhost:3000").replace(/\/$/, "")}/login`;
  console.log(`Created organisation "${org}" (slug ${slug}, id ${orgId}).`);
  console.log(`First admin: ${name} <${email}>`);
  if (fromEnv === undefined) {
    console.log(`Password:    ${password}`);
    console.log("This password is shown only once and is not stored in clear. Hand it over securely.");
  } else {
    console.log("Password:    as set in ADMIN_PASSWORD");
  }
  console.log(`Sign in at ${loginUrl}`);
} catch (error) {
  if (error instanceof AppError) {
    console.error(`Error (${error.code}): ${error.message}`);
    for (const issue of error.issues) console.error(`  ${issue.path}: ${issue.message}`);
  } else {
    console.error("Error: could not create the organisation.", error);
  }
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
