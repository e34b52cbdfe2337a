import bcrypt from "bcryptjs";

// bcrypt (pure JS, no native build) with cost 12: ~250 ms per hash on the 2-core reference machine.
const COST = 12;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}
