import { describe, expect, it } from "vitest";
import { clientIp, trustedProxyHops, UNKNOWN_IP } from "./client-ip";

describe("clientIp", () => {
  it("ignores X-Forwarded-For without TRUST_PROXY (a client can write anything there)", () => {
    expect(clientIp({ "x-forwarded-for": "203.0.113.9" }, 0)).toBe(UNKNOWN_IP);
    expect(clientIp({ "x-forwarded-for": "203.0.113.9, 198.51.100.1" }, trustedProxyHops(undefined))).toBe(UNKNOWN_IP);
    expect(trustedProxyHops("")).toBe(0);
    expect(trustedProxyHops("yes")).toBe(0);
    expect(trustedProxyHops("-1")).toBe(0);
    expect(trustedProxyHops("2")).toBe(2);
  });

  it("with TRUST_PROXY=<hops> takes the address that many hops from the right, not the spoofable left end", () => {
    const headers = { "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.2" };
    expect(clientIp(headers, 1)).toBe("10.0.0.2");
    expect(clientIp(headers, 2)).toBe("203.0.113.9");
    expect(clientIp(headers, 3)).toBe("6.6.6.6");
    expect(clientIp(headers, 4)).toBe(UNKNOWN_IP);
    expect(clientIp(new Headers({ "x-forwarded-for": "1.2.3.4,  2001:db8::1" }), 1)).toBe("2001:db8::1");
  });

  it("refuses things that are not addresses", () => {
    expect(clientIp({ "x-forwarded-for": "1.2.3.4, <script>" }, 1)).toBe(UNKNOWN_IP);
    expect(clientIp({ "x-forwarded-for": "" }, 1)).toBe(UNKNOWN_IP);
    expect(clientIp({}, 1)).toBe(UNKNOWN_IP);
    expect(clientIp(undefined, 1)).toBe(UNKNOWN_IP);
  });
});
