import request from 'supertest';
import { useTestApp } from '../helpers/suite';
import { createApp } from '../../src/app';
import { fixedClock } from '../../src/clock';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { openTestDatabase } from '../helpers/test-db';

const t = useTestApp();

function expectSecurityHeaders(res: request.Response) {
  const csp = String(res.headers['content-security-policy']);
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("form-action 'self'");
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  expect(csp).not.toContain('unsafe-inline');
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['referrer-policy']).toBe('same-origin');
  expect(res.headers['x-powered-by']).toBeUndefined();
}

test('pages, redirects and errors carry the security headers; signed-in pages are never cached', async () => {
  const { agent: a } = await t.login('admin');
  const { agent: s } = await t.login('staff');
  const responses = [
    await request(t.app).get('/login'),
    await request(t.app).get('/'),
    await request(t.app).get('/no-such-page'),
    await a.get('/'),
    await a.get('/admin/users'),
    await a.get('/admin/audit.csv'),
    await a.get('/admin/users/999999'),
    await s.get('/admin/users'),
  ];
  for (const res of responses) {
    expectSecurityHeaders(res);
    expect(res.headers['cache-control']).toBe('no-store');
  }
  expect(responses.map((r) => r.status)).toEqual([200, 303, 404, 200, 200, 200, 404, 403]);
});

test('the nonce in the header is the one on the page script, and differs per response', async () => {
  const one = await request(t.app).get('/login');
  const two = await request(t.app).get('/login');
  const nonce = (r: request.Response) => String(r.headers['content-security-policy']).match(/'nonce-([^']+)'/)![1];
  expect(one.text).toContain(`nonce="${nonce(one)}"`);
  expect(nonce(one)).not.toBe(nonce(two));
  expect(one.text).not.toMatch(/\son[a-z]+="/);
  expect(one.text).not.toMatch(/(src|href)="https?:\/\//);
});

test('TRACE is refused', async () => {
  const res = await request(t.app).trace('/login');
  expect(res.status).toBe(405);
});

test('the session cookie is httpOnly and SameSite=Lax', async () => {
  const res = await request(t.app).get('/login');
  const cookie = String(res.headers['set-cookie']);
  expect(cookie).toMatch(/HttpOnly/);
  expect(cookie).toMatch(/SameSite=Lax/);
  expect(cookie).not.toMatch(/Secure/);
});

test('a 500 shows an incident id and nothing of the stack, SQL or libraries', async () => {
  const database = await openTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', SESSION_SECRET: 'test-secret-test-secret-test-secret!' });
  const lines: string[] = [];
  const log = createLogger('error');
  const logged = log.child({});
  logged.error = ((obj: unknown) => { lines.push(JSON.stringify(obj)); }) as typeof log.error;
  const { app } = createApp({ db: database.db, config, clock: fixedClock(new Date()), log: logged });
  const agent = request.agent(app);
  const token = (await agent.get('/login')).text.match(/name="_csrf" value="([^"]+)"/)![1];
  await database.db.raw('DROP TABLE login_attempts');
  const res = await agent.post('/login').type('form').send({ username: 'someone', password: 'whatever-password', _csrf: token });
  await database.close();
  expect(res.status).toBe(500);
  const id = res.text.match(/エラー番号：<strong>([0-9A-F]{12})<\/strong>/)![1];
  expect(lines.join('\n')).toContain(id);
  expect(res.text).not.toMatch(/login_attempts|relation|knex|pg|node_modules|at \w+ \(|Error/);
  expectSecurityHeaders(res);
});

test('HSTS is sent on HTTPS (behind the trusted proxy), not on plain HTTP', async () => {
  const database = await openTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', TRUST_PROXY: 'true', SESSION_SECRET: 'test-secret-test-secret-test-secret!' });
  const { app } = createApp({ db: database.db, config, clock: fixedClock(new Date()), log: createLogger('silent') });
  const https = await request(app).get('/login').set('X-Forwarded-Proto', 'https');
  const http = await request(app).get('/login');
  const missing = await request(app).get('/no-such-page').set('X-Forwarded-Proto', 'https');
  await database.close();
  expect(https.headers['strict-transport-security']).toBe('max-age=31536000');
  expect(missing.headers['strict-transport-security']).toBe('max-age=31536000');
  expect(http.headers['strict-transport-security']).toBeUndefined();
  expect((await request(t.app).get('/login')).headers['strict-transport-security']).toBeUndefined();
});

test('healthz checks the database', async () => {
  const res = await request(t.app).get('/healthz');
  expect(res.status).toBe(200);
  expect(res.body).toEqual({ status: 'ok' });
});

test('the screen font is served by the app itself, and only the fonts it names', async () => {
  const font = await request(t.app).get('/public/fonts/biz-udpgothic-regular.ttf');
  expect(font.status).toBe(200);
  expect(font.headers['content-type']).toBe('font/ttf');
  expect(Number(font.headers['content-length'])).toBeGreaterThan(1_000_000);
  expect((await request(t.app).get('/public/fonts/..%2Fpackage.json')).status).toBe(404);
  expect((await request(t.app).get('/public/fonts/other.ttf')).status).toBe(404);
  const css = await request(t.app).get('/public/css/app.css');
  expect(css.text).toContain('url("/public/fonts/biz-udpgothic-regular.ttf")');
  expect(css.text).not.toMatch(/https?:\/\//);
});
