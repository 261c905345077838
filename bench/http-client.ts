/** Minimal client for benchmarks: keeps a session cookie, reads the CSRF token, logs in. */
export class BenchClient {
  cookie = '';
  constructor(readonly base: string) {}

  async get(path: string): Promise<{ status: number; body: Buffer }> {
    const res = await fetch(this.base + path, { headers: { cookie: this.cookie }, redirect: 'manual' });
    this.keepCookie(res);
    return { status: res.status, body: Buffer.from(await res.arrayBuffer()) };
  }

  async login(username: string, password: string): Promise<void> {
    const page = (await this.get('/login')).body.toString();
    const token = page.match(/name="_csrf" value="([^"]+)"/)![1];
    const res = await fetch(`${this.base}/login`, {
      method: 'POST', redirect: 'manual',
      headers: { cookie: this.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username, password, _csrf: token }).toString(),
    });
    this.keepCookie(res);
    if (res.status !== 303) throw new Error(`login failed: ${res.status}`);
  }

  private keepCookie(res: Response) {
    const set = res.headers.get('set-cookie');
    const m = set?.match(/kk\.sid=[^;]+/);
    if (m) this.cookie = m[0];
  }
}
