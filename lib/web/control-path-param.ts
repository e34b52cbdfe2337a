/**
 * A path segment as the route received it. Next decodes dynamic params; a client or proxy that
 * double-encodes ("GOVERN%201.1" arriving as "GOVERN%25201.1") is decoded once more. Control ids never
 * contain "%", so decoding a still-encoded value is safe; a malformed escape is returned unchanged.
 */
export function decodePathParam(value: string | undefined): string {
  if (value === undefined) return "";
  if (!/%[0-9a-f]{2}/i.test(value)) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
