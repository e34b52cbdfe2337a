import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";

export const roleSchema = z.enum(ROLES);

export const addMemberSchema = z.strictObject({
  // trim/lower-case first, then check the format: z.email().trim() checks the format before
  // trimming, so an address pasted with a trailing space was refused instead of normalised
  email: z.string().trim().toLowerCase().max(254).pipe(z.email("Must be a valid e-mail address")),
  name: z.string({ error: "Name is required" }).trim().min(1, "Name is required").max(120, "Must be at most 120 characters"),
  role: roleSchema,
});
export type AddMemberInput = z.input<typeof addMemberSchema>;

export const changeRoleSchema = z.strictObject({ userId: z.string().min(1), role: roleSchema });
