"use server";

import { revalidatePath } from "next/cache";
import { requireActionCtx } from "@/lib/web/action-session";
import { toActionState } from "@/lib/web/action-state";
import { importAtlasRelease } from "@/lib/atlas/import-atlas-release";
import { ATLAS_MAX_BYTES, type AtlasImportFormState } from "@/lib/atlas/schemas";
import { AppError } from "@/lib/errors";

/** Upload form → importAtlasRelease (which checks catalog:import and validates the file). */
export async function importAtlasReleaseAction(_prev: AtlasImportFormState, form: FormData): Promise<AtlasImportFormState> {
  try {
    const ctx = await requireActionCtx();
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) {
      throw new AppError("VALIDATION", "Choose the release file (ATLAS.yaml) to upload.", [{ path: "file", message: "Required" }]);
    }
    if (file.size > ATLAS_MAX_BYTES) {
      throw new AppError("VALIDATION", "The file is too large.", [{ path: "file", message: `Larger than the limit of ${ATLAS_MAX_BYTES / 1024 / 1024} MB` }]);
    }
    const result = await importAtlasRelease({ ctx, input: { yaml: await file.text() } });
    if (result.status === "imported") revalidatePath("/threats/catalog");
    return { status: "success", message: result.message, result };
  } catch (error) {
    if (error instanceof AppError) return { status: "error", message: error.message, issues: error.issues };
    // unexpected: logged with a reference, never shown raw
    return { status: "error", message: toActionState(error).message };
  }
}
