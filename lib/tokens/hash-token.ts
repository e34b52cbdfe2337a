import { createHash, randomBytes } from "node:crypto";

// Tokens are 256-bit random secrets, so a fast unsalted SHA-256 is enough to store them (no brute force possible).
export const TOKEN_PREFIX = "aigov_";

export function newTokenSecret(): string {
  return TOKEN_PREFIX + randomBytes(32).toString("base64url");
}

export function hashToken(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
