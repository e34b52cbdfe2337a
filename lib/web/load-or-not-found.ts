import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";

/** Pages: a NOT_FOUND from a domain verb (including another organisation's id) renders the 404 page. */
export async function loadOrNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
