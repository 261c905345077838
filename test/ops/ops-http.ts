/** A browser-like client for a server in another process: one cookie jar, real CSRF tokens, no redirects followed. */
import http from 'node:http';
import { csrfFrom } from '../helpers/agent';
import { TEST_PASSWORD } from '../helpers/factories';

export interface HttpResult { status: number; location: string | null; body: string }

export class Client {
  private cookies = new Map<string, string>();
  /** Requests written out completely (headers and body on the wire). */
  sent = 0;
  /** port: the instance spoken to; point it at another instance to carry the same cookies there. */
  constructor(public port: number, public agent: http.Agent | false = false) {}

  request(method: 'GET' | 'POST', path: string, form?: Record<string, string>): Promise<HttpResult> {
    const body = form ? new URLSearchParams(form).toString() : undefined;
    const headers: http.OutgoingHttpHeaders = { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    if (body !== undefined) Object.assign(headers, { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) });
    return new Promise((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: this.port, method, path, headers, agent: this.agent }, (res) => {
        for (const c of res.headers['set-cookie'] ?? []) {
          const [pair] = c.split(';');
          const eq = pair.indexOf('=');
          this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
        }
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => resolve({ status: res.statusCode!, location: res.headers.location ?? null, body: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.on('finish', () => { this.sent++; });
      req.end(body);
    });
  }

  get(path: string) { return this.request('GET', path); }

  /** Fetches `tokenPage` for its CSRF token, then posts the form with it. */
  async post(path: string, form: Record<string, string>, tokenPage = path) {
    const page = await this.get(tokenPage);
    return this.request('POST', path, { ...form, _csrf: csrfFrom(page.body) });
  }

  async login(username: string, password = TEST_PASSWORD): Promise<void> {
    const res = await this.post('/login', { username, password });
    if (res.status !== 303 || res.location !== '/') throw new Error(`login failed for ${username}: ${res.status} ${res.location}`);
  }
}

/** Resolves with the error code when a new TCP connection to the port is refused or reset. */
export function tryConnect(port: number): Promise<string> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/login', agent: false }, (res) => { res.resume(); resolve(`HTTP ${res.statusCode}`); });
    req.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
  });
}
