import { z } from "zod";

export const TOKEN_SCOPES = ["read", "write"] as const;

export const createApiTokenSchema = z.strictObject({
  name: z.string({ error: "Name is required" }).trim().min(1, "Name is required").max(100, "Must be at most 100 characters"),
  scopes: z
    .array(z.enum(TOKEN_SCOPES))
    .min(1, "Choose at least one scope")
    .refine((a) => new Set(a).size === a.length, "Duplicate scope"),
});
export type CreateApiTokenInput = z.input<typeof createApiTokenSchema>;
