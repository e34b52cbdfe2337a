import { randomBytes } from "node:crypto";

/** A random 20-character password (about 120 bits) for new accounts and demo users. */
export function generatePassword(): string {
  return randomBytes(15).toString("base64url");
}
