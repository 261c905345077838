/**
 * Issue 13 S9: behind a reverse proxy the app believes X-Forwarded-For / -Proto from exactly that
 * proxy: one hop (TRUST_PROXY=true or 1, with the app listening on 127.0.0.1 by default so only the
 * proxy on this host reaches it) or the listed proxy addresses. A forged address cannot dodge the
 * per-address login limit, and a client reaching the app directly cannot claim HTTPS.
 */
import request from 'supertest';
import { Express } from 'express';
import { createApp } from '../../src/app';
import { fixedClock } from '../../src/clock';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { ADDRESS_MAX_FAILURES } from '../../src/auth/throttle';
import { makeUser, TEST_PASSWORD } from '../helpers/factories';
import { csrfFrom } from '../helpers/agent';
import { openTestDatabase, TestDatabase } from '../helpers/test-db';

const SECRET = 'test-secret-test-secret-test-secret!';

describe('requests', () => {
  let database: TestDatabase;
  beforeAll(async () => { database = await openTestDatabase(); });
  afterAll(async () => { await database.close(); });

  const appWith = (trust: string): Express => createApp({
    db: database.db, config: loadConfig({ NODE_ENV: 'test', SESSION_SECRET: SECRET, TRUST_PROXY: trust }),
    clock: fixedClock(new Date('2026-11-27T01:00:00Z')), log: createLogger('silent'),
  }).app;

  /**
   * A login as the proxy passes it on (HTTPS at the proxy: the session cookie is Secure, so it is
   * carried by hand); returns the answer and the action and address its audit row recorded.
   */
  async function login(app: Express, forwardedFor: string, username: string, password = 'wrong password 123') {
    const headers = { 'X-Forwarded-For': forwardedFor, 'X-Forwarded-Proto': 'https' };
    const page = await request(app).get('/login').set(headers);
    const cookie = ([] as string[]).concat(page.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
    const res = await request(app).post('/login').set({ ...headers, Cookie: cookie }).type('form').send({ username, password, _csrf: csrfFrom(page.text) });
    const row = await database.db('audit_log').where({ request_id: res.headers['x-request-id'] }).first('action', 'ip');
    return { status: res.status, location: res.headers.location, action: row?.action, ip: row?.ip };
  }

  test('one trusted hop: a forged leftmost X-Forwarded-For changes neither the address nor its limit', async () => {
    const app = appWith('true');
    const real = '203.0.113.7';
    const user = await makeUser(database.db, { role: 'staff' });
    for (let i = 0; i < ADDRESS_MAX_FAILURES; i++) {
      const forged = `198.18.${Math.floor(i / 200)}.${i % 200 + 1}`;
      const r = await login(app, `${forged}, ${real}`, `nobody${i}`);
      expect([i, r.action, r.ip]).toEqual([i, 'login.failure', real]);
    }
    // the right password, from the same client under yet another forged address: limited
    const limited = await login(app, `198.18.9.9, ${real}`, user.username, TEST_PASSWORD);
    expect([limited.status, limited.action, limited.ip]).toEqual([401, 'login.address_limited', real]);
    // another client behind the same proxy is not
    const other = await login(app, '198.51.100.2', user.username, TEST_PASSWORD);
    expect([other.status, other.location, other.action, other.ip]).toEqual([303, '/', 'login.success', '198.51.100.2']);
  });

  test('listed proxies: X-Forwarded-* believed from them, ignored from anyone else', async () => {
    const viaProxy = await login(appWith('127.0.0.1,::1'), '198.18.0.1, 198.51.100.9', 'someone');
    expect([viaProxy.action, viaProxy.ip]).toEqual(['login.failure', '198.51.100.9']);
    const https = { 'X-Forwarded-Proto': 'https', 'X-Forwarded-For': '198.51.100.9' };
    const trusted = await request(appWith('127.0.0.1,::1')).get('/login').set(https);
    expect(trusted.headers['strict-transport-security']).toBe('max-age=31536000');

    // Reached directly (not from 10.0.0.5): not HTTPS whatever it claims (no HSTS), its own address whatever it names
    const elsewhere = appWith('10.0.0.5');
    const direct = await request(elsewhere).get('/login').set(https);
    expect(direct.headers['strict-transport-security']).toBeUndefined();
    const trusts = elsewhere.get('trust proxy fn') as (addr: string, hop: number) => boolean;
    expect([trusts('10.0.0.5', 0), trusts('::ffff:127.0.0.1', 0), trusts('127.0.0.1', 0), trusts('10.0.0.6', 0)]).toEqual([true, false, false, false]);
  });
});
