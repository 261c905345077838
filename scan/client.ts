import { totpCode } from '../src/auth/totp';
import type { ScanUser } from './users';

export interface Reply { status: number; location: string; text: string; headers: Headers }

const COOKIE = 'kk.sid';

export const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

/**
 * One browser-like session against the app's own port, saying it came through the HTTPS
 * proxy (X-Forwarded-Proto) as the scanners' requests do, so the cookie is the production one.
 */
export class ScanClient {
  cookie = '';
  /** The Set-Cookie line that issued the session cookie, with its attributes. */
  setCookie = '';

  constructor(readonly base: string) {}

  async request(method: 'GET' | 'POST', path: string, form?: Record<string, string>): Promise<Reply> {
    const headers: Record<string, string> = { 'x-forwarded-proto': 'https' };
    if (this.cookie) headers.cookie = this.cookie;
    if (form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const res = await fetch(this.base + path, {
      method, headers, redirect: 'manual', body: form ? new URLSearchParams(form).toString() : undefined,
    });
    for (const line of res.headers.getSetCookie()) {
      if (!line.startsWith(`${COOKIE}=`)) continue;
      this.setCookie = line;
      this.cookie = line.split(';')[0];
    }
    return { status: res.status, location: res.headers.get('location') ?? '', text: await res.text(), headers: res.headers };
  }

  /** A well-formed multipart upload (fields and a one-line CSV as `file`); returns the status. */
  async upload(path: string, fields: Record<string, string>): Promise<number> {
    const body = new FormData();
    for (const [k, v] of Object.entries(fields)) body.append(k, v);
    body.append('file', new Blob(['scan\r\n'], { type: 'text/csv' }), 'scan.csv');
    const res = await fetch(this.base + path, {
      method: 'POST', body, redirect: 'manual', headers: { 'x-forwarded-proto': 'https', cookie: this.cookie },
    });
    await res.arrayBuffer();
    return res.status;
  }

  /** Posts a form page's form with its CSRF token. */
  async submit(formPath: string, action: string, fields: Record<string, string>): Promise<Reply> {
    const token = csrfOf((await this.request('GET', formPath)).text);
    return this.request('POST', action, { ...fields, _csrf: token });
  }

  /** Password, then the TOTP code when the user has one; ends on a signed-in home page. */
  async login(user: ScanUser): Promise<void> {
    let r = await this.submit('/login', '/login', { username: user.username, password: user.password });
    if (r.status === 303 && r.location === '/login/two-factor') {
      if (!user.totpSecret) throw new Error(`${user.username}: 二段階認証を求められました`);
      r = await this.submit('/login/two-factor', '/login/two-factor', { code: totpCode(user.totpSecret, new Date()) });
    }
    if (r.status !== 303 || r.location !== '/') throw new Error(`${user.username}: ログインできません (${r.status} → ${r.location || '-'})`);
    await this.assertSignedIn();
  }

  async assertSignedIn(): Promise<void> {
    const home = await this.request('GET', '/');
    if (home.status !== 200) throw new Error(`ログイン状態ではありません (GET / → ${home.status} ${home.location})`);
  }

  /** The cookie's flags as the app set them (Secure, HttpOnly, SameSite). */
  flags(): { secure: boolean; httpOnly: boolean; sameSite: string } {
    const attrs = this.setCookie.split(';').slice(1).map((a) => a.trim().toLowerCase());
    return {
      secure: attrs.includes('secure'),
      httpOnly: attrs.includes('httponly'),
      sameSite: attrs.find((a) => a.startsWith('samesite='))?.slice('samesite='.length) ?? '',
    };
  }
}
