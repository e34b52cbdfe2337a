import { z } from "zod";

export const COMPONENT_KINDS = ["model", "dataset", "service"] as const;

const url = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => v === "" || /^https?:\/\/\S+$/i.test(v), "Must be an http(s) URL");
const sha256 = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => v === "" || /^[0-9a-f]{64}$/.test(v), "Must be 64 hexadecimal characters (SHA-256)");

export const componentInputSchema = z.strictObject({
  kind: z.enum(COMPONENT_KINDS),
  name: z.string({ error: "Name is required" }).trim().min(1, "Name is required").max(200, "Must be at most 200 characters"),
  version: z.string().trim().max(100, "Must be at most 100 characters").default(""),
  sourceUrl: url.default(""),
  licence: z.string().trim().max(100, "Must be at most 100 characters").default(""),
  sha256: sha256.default(""),
});
export type ComponentInput = z.input<typeof componentInputSchema>;
export const COMPONENT_FIELDS = ["kind", "name", "version", "sourceUrl", "licence", "sha256"] as const;

/** An artefact's hash to check against the component's: computed in the browser from the file, or stated. */
export const verifyHashInputSchema = z.strictObject({
  sha256: z
    .string({ error: "SHA-256 is required" })
    .trim()
    .toLowerCase()
    .regex(/^[0-9a-f]{64}$/, "Must be 64 hexadecimal characters (SHA-256)"),
  source: z.enum(["file", "stated"]).default("stated"),
});
export type VerifyHashInput = z.input<typeof verifyHashInputSchema>;

/** The path of one component of one AI system (REST, session routes). */
export const componentPathSchema = z.object({ id: z.string().min(1).max(100), componentId: z.string().min(1).max(100) });
