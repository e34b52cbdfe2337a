/**
 * The client address for sign-in throttling and the security log.
 *
 * `X-Forwarded-For` is whatever the client sent unless a proxy we trust rewrote it, so it is only
 * read when `TRUST_PROXY=<hops>` says how many reverse proxies stand in front of the app: each
 * appends the address it saw, so the client is the entry that many hops from the right. Without
 * TRUST_PROXY (or with a malformed value) the address is "unknown": a spoofed header never picks
 * the bucket an attempt is counted in. (Next.js only fills the header from the socket when the
 * client did not send one, so the socket address cannot be told apart from a spoofed header.)
 */
export const UNKNOWN_IP = "unknown";

export function trustedProxyHops(raw: string | undefined = process.env.TRUST_PROXY): number {
  if (!raw || !/^\d{1,2}$/.test(raw.trim())) return 0;
  return Number(raw.trim());
}

export function clientIp(headers: Record<string, unknown> | Headers | undefined, hops: number = trustedProxyHops()): string {
  if (hops < 1 || !headers) return UNKNOWN_IP;
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw.join(",") : raw;
  if (typeof value !== "string") return UNKNOWN_IP;
  const chain = value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const ip = chain[chain.length - hops];
  // an address, not free text: IPv4 / IPv6 characters only, bounded length
  return ip && /^[0-9A-Fa-f.:]{2,45}$/.test(ip) ? ip : UNKNOWN_IP;
}
