import { AppError } from "@/lib/errors";
import { HttpError } from "@/lib/web/http/problem";

/**
 * Reads a request body of at most `maxBytes`: refused (413) when Content-Length already says more, and
 * while streaming as soon as one byte more has arrived (the rest is never read, the stream is cancelled).
 * For uploads to route handlers, whose bodies Next does not limit.
 */
export async function readLimitedBody(
  req: Request,
  maxBytes: number,
  label = `${maxBytes} bytes`,
  tooLarge: () => Error = () =>
    new HttpError("PAYLOAD_TOO_LARGE", `The upload is larger than the limit of ${label}.`, [{ path: "file", message: `Larger than ${label}` }]),
): Promise<Uint8Array> {
  const declared = Number(req.headers.get("content-length"));
  if (req.headers.has("content-length") && Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!req.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** A multipart/form-data (or urlencoded) body of at most `maxBytes`, parsed after the limited read. */
export async function readLimitedFormData(req: Request, maxBytes: number, label?: string): Promise<FormData> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i.test(type)) {
    throw new HttpError("UNSUPPORTED_MEDIA_TYPE", "Send the upload as a form (multipart/form-data).");
  }
  const bytes = await readLimitedBody(req, maxBytes, label);
  try {
    return await new Response(bytes as BodyInit, { headers: { "content-type": type } }).formData();
  } catch {
    throw new AppError("VALIDATION", "The upload could not be read (interrupted or malformed).", [{ path: "file", message: "Upload the file again" }]);
  }
}
