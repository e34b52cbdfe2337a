// HTTP helpers for scripts/bench-inventory.ts: next-auth credentials sign-in and plain GETs (loopback only).

function cookiesFrom(res: Response): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const eq = pair.indexOf("=");
    out[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
  }
  return out;
}

const cookieHeader = (jar: Record<string, string>) =>
  Object.entries(jar)
    .map(([k, v]) => `${k}=${v}`)
    .join("; ");

/**
 * Signs in over HTTP exactly as the login form does (GET /api/auth/csrf, then POST
 * /api/auth/callback/credentials) and returns the Cookie header carrying the session.
 */
export async function signIn(baseURL: string, email: string, password: string): Promise<string> {
  const csrfRes = await fetch(`${baseURL}/api/auth/csrf`);
  if (!csrfRes.ok) throw new Error(`GET /api/auth/csrf → ${csrfRes.status}`);
  const jar = cookiesFrom(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${baseURL}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: `${baseURL}/systems` }),
  });
  await res.arrayBuffer();
  Object.assign(jar, cookiesFrom(res));
  const session = Object.keys(jar).find((k) => k.endsWith("next-auth.session-token"));
  if (!session)
    throw new Error(`sign-in failed: POST /api/auth/callback/credentials → ${res.status}, no session cookie (location: ${res.headers.get("location")})`);
  return cookieHeader({ [session]: jar[session] });
}

export type Fetched = { status: number; body: string; bytes: number; contentType: string | null; headers: Headers };

/** GET without following redirects; the body is read completely (the timing includes the whole response). */
export async function get(url: string, headers: Record<string, string> = {}): Promise<Fetched> {
  const res = await fetch(url, { redirect: "manual", headers });
  const body = await res.text();
  return { status: res.status, body, bytes: Buffer.byteLength(body), contentType: res.headers.get("content-type"), headers: res.headers };
}

/** A GET whose every response must have the expected status (a redirect to /login would make the figures meaningless). */
export function checkedGet(url: string, headers: Record<string, string>, expectStatus = 200) {
  return async () => {
    const r = await get(url, headers);
    if (r.status !== expectStatus) throw new Error(`GET ${url} → ${r.status} (expected ${expectStatus}): ${r.body.slice(0, 300)}`);
    return r;
  };
}
