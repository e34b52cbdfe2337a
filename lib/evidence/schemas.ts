import { z } from "zod";
import { controlFrameworkSchema, controlIdSchema, controlRefSchema, refineKnownControl } from "@/lib/controls/schemas";

// Schemas are defined once here and reused by the forms, server actions, REST API and OpenAPI document.

/** Largest evidence file accepted: 10 MB (10 × 1024 × 1024 bytes). */
export const MAX_EVIDENCE_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_EVIDENCE_FILE_LABEL = "10 MB";

const idSchema = z.string().trim().min(1).max(64);

const titleSchema = z.string().trim().max(200, "Must be at most 200 characters");

/** http(s) only: no javascript:, data:, file: or other schemes that would run or read something when clicked. */
export const httpUrlSchema = z
  .string({ error: "URL is required" })
  .trim()
  .min(1, "URL is required")
  .max(2000, "Must be at most 2000 characters")
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
    } catch {
      return false;
    }
  }, "Enter an http:// or https:// address");

/** The base name only (no directories), without control characters; "file" when nothing is left. */
export const fileNameSchema = z
  .string({ error: "File name is required" })
  .max(1000)
  .transform((name) => {
    const base = name.split(/[\\/]/).pop() ?? "";
    const clean = base
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f"]/g, "")
      .trim()
      .slice(0, 255);
    return clean === "" ? "file" : clean;
  });

/** A media type like "application/pdf"; empty (browsers send "" for unknown types) → application/octet-stream. */
export const mimeTypeSchema = z
  .string()
  .trim()
  .max(127, "Must be at most 127 characters")
  .transform((value) => value.toLowerCase().split(";")[0].trim())
  .refine((value) => value === "" || /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/.test(value), "Not a media type such as application/pdf")
  .transform((value) => (value === "" ? "application/octet-stream" : value));

/** At least one applicable control; each at most once. */
export const evidenceLinksSchema = z
  .array(controlRefSchema)
  .min(1, "Attach the evidence to at least one control")
  .max(200, "At most 200 controls at once")
  .superRefine((links, ctx) => {
    const seen = new Set<string>();
    links.forEach((link, index) => {
      const key = `${link.framework}:${link.controlId}`;
      if (seen.has(key)) ctx.addIssue({ code: "custom", path: [index], message: "Listed twice" });
      seen.add(key);
    });
  });

const fileBranch = z
  .strictObject({
    systemId: idSchema,
    kind: z.literal("file"),
    title: titleSchema.default("").describe("Defaults to the file name"),
    file: z.strictObject({
      name: fileNameSchema,
      mimeType: mimeTypeSchema.default("application/octet-stream"),
      bytes: z.instanceof(Uint8Array, { error: "Choose a file" }),
    }),
    links: evidenceLinksSchema,
  })
  .superRefine((value, ctx) => {
    const size = value.file.bytes.byteLength;
    if (size === 0) ctx.addIssue({ code: "custom", path: ["file"], message: "The file is empty" });
    if (size > MAX_EVIDENCE_FILE_BYTES)
      ctx.addIssue({ code: "custom", path: ["file"], message: `The file is larger than ${MAX_EVIDENCE_FILE_LABEL} (${size} bytes)` });
  });

const linkBranch = z.strictObject({
  systemId: idSchema,
  kind: z.literal("link"),
  title: titleSchema.min(1, "Title is required"),
  url: httpUrlSchema,
  links: evidenceLinksSchema,
});

export const createEvidenceSchema = z.discriminatedUnion("kind", [fileBranch, linkBranch], { error: "kind must be file or link" });
export type CreateEvidenceInput = z.input<typeof createEvidenceSchema>;

/**
 * REST variant of createEvidence (JSON): the file's bytes as base64 in `file.contentBase64`. One strict
 * object (so the OpenAPI schema forbids unknown properties at the top); which fields a kind needs is
 * checked here, everything else by the verb the route calls with the decoded bytes (size limit, URL,
 * links, permission).
 */
export const createEvidenceApiSchema = z
  .strictObject({
    systemId: idSchema,
    kind: z.enum(["file", "link"], { error: "kind must be file or link" }),
    title: titleSchema.default("").describe("Required for a link; for a file it defaults to the file name"),
    url: z.string().max(2000).optional().describe("kind link: the http(s) address"),
    file: z
      .strictObject({
        name: z.string().max(1000),
        mimeType: z.string().max(127).default("application/octet-stream"),
        contentBase64: z
          .string()
          .max(Math.ceil(MAX_EVIDENCE_FILE_BYTES / 3) * 4 + 8, `The file is larger than ${MAX_EVIDENCE_FILE_LABEL}`)
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, "Not base64 (standard alphabet, no line breaks)")
          .describe(`The file's bytes, base64-encoded (at most ${MAX_EVIDENCE_FILE_LABEL} decoded)`),
      })
      .optional()
      .describe("kind file: the file"),
    links: z.array(z.object({ framework: z.string(), controlId: z.string() })).describe("The applicable controls to attach the evidence to (at least one)"),
  })
  .superRefine((value, ctx) => {
    if (value.kind === "file" && value.file === undefined) ctx.addIssue({ code: "custom", path: ["file"], message: "Send the file for kind file" });
    if (value.kind === "file" && value.url !== undefined) ctx.addIssue({ code: "custom", path: ["url"], message: "Only for kind link" });
    if (value.kind === "link" && value.file !== undefined) ctx.addIssue({ code: "custom", path: ["file"], message: "Only for kind file" });
  });
export type CreateEvidenceApiInput = z.input<typeof createEvidenceApiSchema>;

export const linkEvidenceSchema = z
  .strictObject({ evidenceId: idSchema, framework: controlFrameworkSchema, controlId: controlIdSchema })
  .superRefine(refineKnownControl);
export type LinkEvidenceInput = z.input<typeof linkEvidenceSchema>;

export const evidenceIdSchema = z.strictObject({ evidenceId: idSchema });

export const getEvidenceFileSchema = z.strictObject({
  evidenceId: idSchema,
  systemId: idSchema.optional().describe("When given, the evidence must belong to this system"),
});

/** REST body of POST /evidence/{evidenceId}/links. */
export const evidenceLinkBodySchema = z.strictObject({ framework: controlFrameworkSchema, controlId: controlIdSchema }).superRefine(refineKnownControl);

export const listSystemEvidenceSchema = z.strictObject({ systemId: idSchema });
