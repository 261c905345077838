import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { dropFormTokenFromBody } from './form-token';

/** What one scanner sent and what came back. */
export interface Traffic {
  requests: number;
  byStatus: Record<string, number>;
  /** Requests answered 5xx, by route ("GET /persons/:id/merge → 500"): how many, and the first one in full. */
  serverErrors: Record<string, { n: number; example: string }>;
  /** Answers that sent the client to the login page: the scanner had lost its session. */
  toLogin: number;
  /** Requests to excluded paths, answered 404 here and never passed to the app. */
  blocked: number;
  /** Form posts sent on without their one-time `_form` token (scan/form-token.ts). */
  formTokensDropped: number;
  /** 403 answers by route (CSRF refusals and permission denials): what the scanner could not reach. */
  refused: Record<string, number>;
}

export interface TlsProxy {
  url: string;
  /**
   * Counts from now on go to a new tally; paths matching `exclude` are refused here (wapiti 3.0.4's
   * own -x option crashes on Python 3.11, and the crawler posts every form it sees, logout included).
   */
  startPhase(exclude?: RegExp): Traffic;
  close(): Promise<void>;
}

/** "GET /persons/12/merge?kana=…" → "GET /persons/:id/merge". */
const routeOf = (method: string, url: string) => `${method} ${url.split('?')[0].replace(/\/\d+(?=\/|$)/g, '/:id')}`;

function countError(t: Traffic, key: string, n: number, example: string): void {
  const e = (t.serverErrors[key] ??= { n: 0, example });
  e.n += n;
}

export const emptyTraffic = (): Traffic => ({ requests: 0, byStatus: {}, serverErrors: {}, toLogin: 0, blocked: 0, formTokensDropped: 0, refused: {} });

/** Adds `b` into `a` (one tally for several sqlmap runs). */
export function addTraffic(a: Traffic, b: Traffic): Traffic {
  a.requests += b.requests;
  a.toLogin += b.toLogin;
  a.blocked += b.blocked;
  a.formTokensDropped += b.formTokensDropped;
  for (const [k, n] of Object.entries(b.refused)) a.refused[k] = (a.refused[k] ?? 0) + n;
  for (const [k, v] of Object.entries(b.byStatus)) a.byStatus[k] = (a.byStatus[k] ?? 0) + v;
  for (const [k, e] of Object.entries(b.serverErrors)) countError(a, k, e.n, e.example);
  return a;
}

/** The path as the router will see it: dot segments resolved, decoded, repeated slashes folded. */
function normalPath(url: string | undefined): string {
  const p = new URL(url ?? '/', 'https://x').pathname;
  let decoded = p;
  try { decoded = decodeURIComponent(p); } catch { /* keep it encoded */ }
  return decoded.replace(/\/{2,}/g, '/');
}

function selfSignedCert(dir: string): { key: Buffer; cert: Buffer } {
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
    '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert,
  ], { stdio: 'ignore' });
  return { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
}

/**
 * The production shape: HTTPS terminated by a reverse proxy in front of the app (TRUST_PROXY=true),
 * so the app issues Secure cookies. Every request is counted, per scanner; form posts lose their
 * one-time token so that every replay reaches the handler.
 */
export async function startTlsProxy(appPort: number, certDir: string): Promise<TlsProxy> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
  let tally = emptyTraffic();
  let exclude: RegExp | undefined;
  const server = https.createServer(selfSignedCert(certDir), (req, res) => {
    const t = tally;
    t.requests++;
    if (exclude?.test(normalPath(req.url))) {
      t.blocked++;
      req.resume();
      res.writeHead(404, { 'content-type': 'text/plain' }).end('excluded from the scan');
      return;
    }
    const headers: http.OutgoingHttpHeaders = { ...req.headers, 'x-forwarded-proto': 'https', 'x-forwarded-for': req.socket.remoteAddress ?? '127.0.0.1' };
    delete headers['x-forwarded-host'];
    delete headers['transfer-encoding'];
    const upstream = http.request({ host: '127.0.0.1', port: appPort, method: req.method, path: req.url, headers, agent }, (up) => {
      const status = up.statusCode ?? 0;
      t.byStatus[status] = (t.byStatus[status] ?? 0) + 1;
      if (status >= 500) countError(t, `${routeOf(req.method ?? '', req.url ?? '')} → ${status}`, 1, `${req.method} ${req.url}`);
      if (status === 403) { const k = routeOf(req.method ?? '', req.url ?? ''); t.refused[k] = (t.refused[k] ?? 0) + 1; }
      if (status >= 300 && status < 400 && /^\/login(?:\?|$)/.test(up.headers.location ?? '')) t.toLogin++;
      res.writeHead(status, up.rawHeaders);
      up.pipe(res);
    });
    upstream.on('error', () => {
      t.byStatus.proxyError = (t.byStatus.proxyError ?? 0) + 1;
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    if (req.method !== 'POST' || !req.headers['content-type']?.startsWith('application/x-www-form-urlencoded')) {
      req.pipe(upstream);
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const { body, dropped } = dropFormTokenFromBody(Buffer.concat(chunks));
      if (dropped) t.formTokensDropped++;
      upstream.setHeader('content-length', body.length);
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    startPhase: (ex) => { exclude = ex; return (tally = emptyTraffic()); },
    close: () => new Promise((resolve) => { server.closeAllConnections(); agent.destroy(); server.close(() => resolve()); }),
  };
}
