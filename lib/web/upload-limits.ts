import { ATLAS_MAX_BYTES } from "@/lib/atlas/schemas";
import { MAX_EVIDENCE_FILE_BYTES } from "@/lib/evidence/schemas";
import { findingsMaxBytes } from "@/lib/findings/schemas";

/**
 * Body limits of the upload route handlers (session routes, not server actions, which keep Next's 1 MB
 * default). Each is the file limit plus room for the multipart framing and the other form fields; a
 * larger body cannot hold a file within the limit, so it is refused (413) on its Content-Length or as
 * soon as the streamed body passes the limit, without reading the rest. The upload paths are not matched
 * by proxy.ts, whose body buffering would otherwise cap (and silently truncate) them.
 */
export const MULTIPART_ALLOWANCE_BYTES = 256 * 1024;
export const EVIDENCE_UPLOAD_MAX_BODY_BYTES = MAX_EVIDENCE_FILE_BYTES + MULTIPART_ALLOWANCE_BYTES;
export const ATLAS_UPLOAD_MAX_BODY_BYTES = ATLAS_MAX_BYTES + MULTIPART_ALLOWANCE_BYTES;
/**
 * A scanner file is sent as the raw request body (no multipart framing: format and file name are query
 * parameters), streamed into the import; a body whose Content-Length exceeds the file limit is refused (413)
 * before it is read, and the import stops reading at the limit (FINDINGS_MAX_BYTES) whatever the header said.
 */
export function findingsUploadMaxBodyBytes(): number {
  return findingsMaxBytes();
}
