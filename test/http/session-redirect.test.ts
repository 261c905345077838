import http from 'node:http';
import { AddressInfo } from 'node:net';
import { createTestApp, TestApp } from '../helpers/app';
import { makeUser } from '../helpers/factories';
import { csrfFrom, loginAs } from '../helpers/agent';
import { DbSessionStore } from '../../src/http/session-store';
import { totpCode } from '../../src/auth/totp';

/**
 * A browser follows a 303 as soon as its headers arrive. If the session were written only after
 * the headers went out, the page redirected to would read the session as it was before: the
 * recovery codes of a new enrolment (shown once) would be lost. Session writes are slowed down
 * here so the race is certain; the redirected page must still see what the POST stored.
 */
let t: TestApp;
let server: http.Server;
let port: number;
beforeAll(async () => {
  t = await createTestApp();
  server = t.app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await t.close();
});

/** POSTs, and on the response's headers alone (as a browser does) GETs its Location with the same cookie. */
function postThenFollowOnHeaders(path: string, body: string, cookie: string): Promise<{ status: number; location?: string; page: number }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) } }, (res) => {
      const location = res.headers.location;
      res.resume();
      if (!location) return resolve({ status: res.statusCode!, page: 0 });
      http.get({ host: '127.0.0.1', port, path: location, headers: { cookie } }, (next) => {
        next.resume();
        resolve({ status: res.statusCode!, location, page: next.statusCode! });
      }).on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

test('the page a POST redirects to reads the session the POST wrote (enrolment: the recovery codes are shown)', async () => {
  const u = await makeUser(t.db, { role: 'staff', twoFactor: false });
  const agent = await loginAs(t.app, u.username);
  const page = await agent.get('/account/two-factor');
  const secret = /id="totp-secret"><strong>([^<]+)</.exec(page.text)![1].replace(/\s/g, '');
  const cookie = (agent as unknown as { jar: { getCookies(o: object): { toValueString(): string }[] } }).jar
    .getCookies({ domain: '127.0.0.1', path: '/', secure: false, script: false }).map((c) => c.toValueString()).join('; ');
  const set = DbSessionStore.prototype.set;
  DbSessionStore.prototype.set = function slowSet(...args: Parameters<typeof set>) {
    setTimeout(() => set.apply(this, args), 300);
  };
  try {
    const body = new URLSearchParams({ code: totpCode(secret, t.clock.now()), _csrf: csrfFrom(page.text) }).toString();
    const res = await postThenFollowOnHeaders('/account/two-factor', body, cookie);
    expect([res.status, res.location, res.page]).toEqual([303, '/account/two-factor/recovery-codes', 200]);
  } finally {
    DbSessionStore.prototype.set = set;
  }
});
