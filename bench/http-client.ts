const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/**
 * The hidden inputs of the first form posting to `action` (the CSRF token, and any one-time
 * form token or version the form carries), as the browser would send them.
 */
export function hiddenFields(html: string, action: string): Record<string, string> {
  const start = html.indexOf(`action="${action}"`);
  if (start < 0) throw new Error(`no form posting to ${action}`);
  const form = html.slice(start, html.indexOf('</form>', start));
  const fields: Record<string, string> = {};
  for (const tag of form.match(/<input\b[^>]*>/g) ?? []) {
    if (!/\btype="hidden"/.test(tag)) continue;
    const name = /\bname="([^"]*)"/.exec(tag)?.[1];
    if (name) fields[decode(name)] = decode(/\bvalue="([^"]*)"/.exec(tag)?.[1] ?? '');
  }
  return fields;
}

/** Minimal client for benchmarks: keeps a session cookie, reads the CSRF token, logs in, posts forms. */
export class BenchClient {
  cookie = '';
  constructor(readonly base: string) {}

  async get(path: string): Promise<{ status: number; body: Buffer }> {
    const res = await fetch(this.base + path, { headers: { cookie: this.cookie }, redirect: 'manual' });
    this.keepCookie(res);
    return { status: res.status, body: Buffer.from(await res.arrayBuffer()) };
  }

  async post(path: string, fields: Record<string, string>): Promise<{ status: number; location: string | null; body: Buffer }> {
    const res = await fetch(this.base + path, {
      method: 'POST', redirect: 'manual',
      headers: { cookie: this.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
    this.keepCookie(res);
    return { status: res.status, location: res.headers.get('location'), body: Buffer.from(await res.arrayBuffer()) };
  }

  /** Password login of a user who needs no second factor; fails loudly on anything but a 303 into the app. */
  async login(username: string, password: string): Promise<void> {
    const page = (await this.get('/login')).body.toString();
    const res = await this.post('/login', { ...hiddenFields(page, '/login'), username, password });
    if (res.status !== 303 || !res.location || /^\/(login|account)/.test(res.location)) {
      throw new Error(`login of ${username} failed: ${res.status} → ${res.location ?? '(no redirect)'}`);
    }
  }

  private keepCookie(res: Response) {
    const set = res.headers.get('set-cookie');
    const m = set?.match(/kk\.sid=[^;]+/);
    if (m) this.cookie = m[0];
  }
}
