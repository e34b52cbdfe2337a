import type { Prisma } from "@/generated/prisma/client";
import type { ServiceContext } from "@/lib/context";
import { db } from "./client";
import { mapPrismaError } from "./map-prisma-error";

/**
 * Runs `fn` in the caller's transaction when there is one, else in a new one. Every mutation and
 * its audit event go through here, so both commit or neither does (fail closed). `timeoutMs` is for the few
 * verbs that stream a whole file into one transaction (a findings import).
 */
export async function withTransaction<T>(
  ctx: ServiceContext,
  fn: (tx: Prisma.TransactionClient) => Promise<T>,
  options: { timeoutMs?: number } = {},
): Promise<T> {
  if (ctx.tx) return fn(ctx.tx);
  try {
    return await db.$transaction(fn, { timeout: options.timeoutMs ?? 20_000, maxWait: 10_000 });
  } catch (error) {
    throw mapPrismaError(error);
  }
}
