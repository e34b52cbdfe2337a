/**
 * Response headers for downloading an uploaded evidence file from the application's own origin. The file
 * is whatever a member uploaded, so it is always a download (Content-Disposition: attachment), never
 * sniffed, and sandboxed should a browser render it anyway; types a browser would execute as a document
 * (HTML, SVG, XML, JavaScript) are served as application/octet-stream. Repr-Digest (RFC 9530) carries the
 * stored SHA-256 so a client can check the bytes.
 */
const ACTIVE_TYPES =
  /^(text\/html|application\/xhtml\+xml|image\/svg\+xml|text\/xml|application\/xml|[a-z]+\/[a-z0-9.+-]*javascript|text\/ecmascript|application\/ecmascript|multipart\/)/;

export function evidenceDownloadHeaders(file: { fileName: string; mimeType: string; size: number; sha256: string }): Record<string, string> {
  const type = !file.mimeType || ACTIVE_TYPES.test(file.mimeType) ? "application/octet-stream" : file.mimeType;
  // ASCII fallback for old clients, RFC 5987 encoding for the real name
  const ascii = file.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_") || "evidence";
  const encoded = encodeURIComponent(file.fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return {
    "content-type": type,
    "content-length": String(file.size),
    "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`,
    "x-content-type-options": "nosniff",
    "content-security-policy": "default-src 'none'; sandbox",
    "cache-control": "private, no-store",
    ...(/^[0-9a-f]{64}$/.test(file.sha256) && { "repr-digest": `sha-256=:${Buffer.from(file.sha256, "hex").toString("base64")}:` }),
  };
}
