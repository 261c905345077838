import request from 'supertest';
import { createTestApp, TestApp } from '../helpers/app';
import { makeUser, TEST_PASSWORD } from '../helpers/factories';
import { csrfFrom, loginAs, tokenFor } from '../helpers/agent';
import { LOGIN_MESSAGES } from '../../src/auth/authenticate';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

async function attempt(username: string, password: string, agent = request.agent(t.app)) {
  const token = await tokenFor(agent, '/login');
  return agent.post('/login').type('form').send({ username, password, _csrf: token });
}

const cookieOf = (res: request.Response) => String(res.headers['set-cookie'] ?? '').match(/kk\.sid=([^;]+)/)?.[1];

describe('login', () => {
  test('right password logs in and redirects home; header shows user, role and ward', async () => {
    const u = await makeUser(t.db, { role: 'ward', ward: '西区' });
    const res = await attempt(u.username, TEST_PASSWORD);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');
    const agent = await loginAs(t.app, u.username);
    const home = await agent.get('/');
    expect(home.status).toBe(200);
    expect(home.text).toContain(`テスト ${u.username}`);
    expect(home.text).toContain('区役所職員');
    expect(home.text).toContain('西区');
    expect(home.text).toContain('前回ログイン');
    expect(home.text).toContain('ログアウト');
  });

  test('wrong password and unknown user get the same message and status', async () => {
    const u = await makeUser(t.db, { role: 'staff' });
    const wrong = await attempt(u.username, 'not the password at all');
    const unknown = await attempt('nobody-here', 'not the password at all');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.text).toContain(LOGIN_MESSAGES.failed);
    expect(unknown.text).toContain(LOGIN_MESSAGES.failed);
    const strip = (s: string) => s.replace(/value="[^"]*"/g, '').replace(/nonce-[^']+|nonce="[^"]+"/g, '');
    expect(strip(wrong.text)).toBe(strip(unknown.text));
  });

  test('five failures lock the account for 15 minutes, even with the right password; then it opens', async () => {
    const u = await makeUser(t.db, { role: 'staff' });
    for (let i = 0; i < 4; i++) expect((await attempt(u.username, 'wrong-password-x')).text).toContain(LOGIN_MESSAGES.failed);
    expect((await attempt(u.username, 'wrong-password-x')).text).toContain(LOGIN_MESSAGES.locked);
    const locked = await attempt(u.username, TEST_PASSWORD);
    expect(locked.status).toBe(401);
    expect(locked.text).toContain(LOGIN_MESSAGES.locked);
    t.clock.advance(14 * 60_000);
    expect((await attempt(u.username, TEST_PASSWORD)).status).toBe(401);
    t.clock.advance(2 * 60_000);
    expect((await attempt(u.username, TEST_PASSWORD)).status).toBe(303);
    const actions = (await t.db('audit_log').where({ actor_id: u.id }).pluck('action')) as string[];
    expect(actions).toEqual(expect.arrayContaining(['login.failure', 'login.lock', 'login.success']));
    expect((await t.db('audit_log').where({ action: 'login.locked', actor_username: u.username }).count({ n: '*' }))[0].n).toBeGreaterThanOrEqual(2);
  });

  test('the lock is stored in the database (a new app on the same database still refuses)', async () => {
    const u = await makeUser(t.db, { role: 'staff' });
    for (let i = 0; i < 5; i++) await attempt(u.username, 'wrong-password-x');
    const again = createApp({ db: t.db, clock: t.clock, log: createLogger('silent'), config: loadConfig({ NODE_ENV: 'test', SESSION_SECRET: 'another-secret-another-secret-xx' }) });
    const agent = request.agent(again.app);
    const token = csrfFrom((await agent.get('/login')).text);
    const res = await agent.post('/login').type('form').send({ username: u.username, password: TEST_PASSWORD, _csrf: token });
    expect(res.text).toContain(LOGIN_MESSAGES.locked);
  });

  test('no session before login (none is made to show the form); a new one at login, dead after logout', async () => {
    const u = await makeUser(t.db, { role: 'staff' });
    const agent = request.agent(t.app);
    const page = await agent.get('/login');
    const before = cookieOf(page);
    const res = await agent.post('/login').type('form').send({ username: u.username, password: TEST_PASSWORD, _csrf: csrfFrom(page.text) });
    const after = cookieOf(res);
    expect(before).toBeUndefined();
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
    const home = await agent.get('/');
    expect(home.status).toBe(200);
    const out = await agent.post('/logout').type('form').send({ _csrf: csrfFrom(home.text) });
    expect(out.status).toBe(303);
    const stale = await request(t.app).get('/').set('Cookie', `kk.sid=${after}`);
    expect(stale.status).toBe(303);
    expect(stale.headers.location).toMatch(/^\/login/);
    expect(await t.db('sessions').where({ user_id: u.id }).count({ n: '*' })).toEqual([{ n: 0 }]);
  });

  test('a disabled user is thrown out at once', async () => {
    const admin = await makeUser(t.db, { role: 'admin' });
    const u = await makeUser(t.db, { role: 'staff' });
    const victim = await loginAs(t.app, u.username);
    expect((await victim.get('/')).status).toBe(200);
    const adminAgent = await loginAs(t.app, admin.username);
    const page = await adminAgent.get(`/admin/users/${u.id}`);
    const res = await adminAgent.post(`/admin/users/${u.id}/disable`).type('form').send({ _csrf: csrfFrom(page.text) });
    expect(res.status).toBe(303);
    const after = await victim.get('/');
    expect(after.status).toBe(303);
    expect(after.headers.location).toMatch(/^\/login/);
    expect((await attempt(u.username, TEST_PASSWORD)).status).toBe(401);
  });

  test('idle for 30 minutes ends the session; activity keeps it alive', async () => {
    const u = await makeUser(t.db, { role: 'staff' });
    const agent = await loginAs(t.app, u.username);
    t.clock.advance(20 * 60_000);
    expect((await agent.get('/')).status).toBe(200);
    t.clock.advance(20 * 60_000);
    expect((await agent.get('/')).status).toBe(200);
    t.clock.advance(31 * 60_000);
    expect((await agent.get('/')).status).toBe(303);
  });

  test('12 hours after login the session ends however active it was', async () => {
    const u = await makeUser(t.db, { role: 'staff' });
    const agent = await loginAs(t.app, u.username);
    for (let i = 0; i < 25; i++) {
      t.clock.advance(29 * 60_000);
      const res = await agent.get('/');
      if (i < 24) expect(res.status).toBe(200);
      else expect(res.status).toBe(303);
    }
  });

  test('a forced password change keeps the user on the change page until done', async () => {
    const u = await makeUser(t.db, { role: 'staff', mustChange: true });
    const agent = await loginAs(t.app, u.username);
    const home = await agent.get('/');
    expect(home.status).toBe(303);
    expect(home.headers.location).toBe('/account/password');
    const page = await agent.get('/account/password');
    const bad = await agent.post('/account/password').type('form')
      .send({ current: TEST_PASSWORD, password: 'password1', confirm: 'password1', _csrf: csrfFrom(page.text) });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('よく使われるパスワード');
    expect(bad.text).toContain('aria-invalid="true"');
    const ok = await agent.post('/account/password').type('form')
      .send({ current: TEST_PASSWORD, password: 'a long and new passphrase', confirm: 'a long and new passphrase', _csrf: csrfFrom(page.text) });
    expect(ok.status).toBe(303);
    expect((await agent.get('/')).status).toBe(200);
  });

  test('next only leads to a path on this site', async () => {
    // (with a second factor: test/auth/two-factor-login.test.ts)
    const u = await makeUser(t.db, { role: 'staff' });
    const agent = request.agent(t.app);
    const token = csrfFrom((await agent.get('/login')).text);
    const res = await agent.post('/login').type('form').send({ username: u.username, password: TEST_PASSWORD, next: '//evil.example/', _csrf: token });
    expect(res.headers.location).toBe('/');
  });
});
