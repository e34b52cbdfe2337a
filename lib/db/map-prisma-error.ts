import { AppError } from "@/lib/errors";

/** Maps the few Prisma errors the domain expects onto AppError; anything else is rethrown as is. */
export function mapPrismaError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const code = (error as { code?: string } | null)?.code;
  if (code === "P2002") return new AppError("CONFLICT", "A record with the same unique value already exists.");
  if (code === "P2025") return new AppError("NOT_FOUND", "Not found.");
  return error;
}
