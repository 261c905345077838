import request from 'supertest';
import { createTestApp, TestApp } from '../helpers/app';
import { makeUser, TEST_PASSWORD } from '../helpers/factories';
import { csrfFrom, loginAs, tokenFor } from '../helpers/agent';
import { LOGIN_MESSAGES } from '../../src/auth/authenticate';
import { PASSWORD_FORM_MESSAGES } from '../../src/features/account/password-schema';
import { countedAttempts } from '../helpers/attempts';

/** Findings of the security review of the running app (issue 13, S1, S3, S4, S11) and the atomic login count. */
let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

async function attempt(username: string, password: string) {
  const agent = request.agent(t.app);
  const token = await tokenFor(agent, '/login');
  const req = agent.post('/login').type('form');
  return req.send({ username, password, _csrf: token });
}
const auditCount = async (where: Record<string, unknown>) => Number((await t.db('audit_log').where(where).count({ n: '*' }))[0].n);

test('S1: a look-alike spelling of a locked name (U+0130, full width) neither signs in nor escapes the lock', async () => {
  const u = await makeUser(t.db, { role: 'staff', username: 'nishi' });
  for (let i = 0; i < 5; i++) await attempt('nishi', 'wrong-password-x');
  for (const spelling of ['nİshi', 'NISHI', 'ｎｉｓｈｉ', ' nishi ']) {
    const res = await attempt(spelling, TEST_PASSWORD);
    expect(res.status).toBe(401);
  }
  expect(await countedAttempts(t.db, u.id)).toBeGreaterThanOrEqual(5);
  expect(await auditCount({ actor_id: u.id, action: 'login.success' })).toBe(0);
});

test('twelve parallel wrong passwords for one account: exactly five are checked, the rest refused as locked', async () => {
  const u = await makeUser(t.db, { role: 'staff' });
  const results = await Promise.all(Array.from({ length: 12 }, () => attempt(u.username, 'wrong-password-x')));
  expect(results.every((r) => r.status === 401)).toBe(true);
  expect(await auditCount({ actor_id: u.id, action: 'login.failure' })).toBe(5);
  expect((await attempt(u.username, TEST_PASSWORD)).text).toContain(LOGIN_MESSAGES.locked);
});

test('S3: changing the password ends the user’s other sessions and gives this one a new id', async () => {
  const u = await makeUser(t.db, { role: 'staff' });
  const other = await loginAs(t.app, u.username);
  const me = await loginAs(t.app, u.username);
  expect((await other.get('/')).status).toBe(200);
  const page = await me.get('/account/password');
  const res = await me.post('/account/password').type('form')
    .send({ current: TEST_PASSWORD, password: 'a brand new passphrase 77', confirm: 'a brand new passphrase 77', _csrf: csrfFrom(page.text) });
  expect(res.status).toBe(303);
  expect(String(res.headers['set-cookie'])).toMatch(/kk\.sid=/);
  expect((await me.get('/')).status).toBe(200);
  const gone = await other.get('/');
  expect(gone.status).toBe(303);
  expect(gone.headers.location).toMatch(/^\/login/);
  expect(await t.db('sessions').where({ user_id: u.id }).count({ n: '*' })).toEqual([{ n: 1 }]);
});

describe('S4: guessing the current password from a signed-in session', () => {
  for (const [label, path, field, page] of [
    ['password change', '/account/password', 'current', '/account/password'],
    ['turning off two-factor', '/account/two-factor/disable', 'password', '/account/two-factor'],
  ] as const) {
    test(`${label}: each wrong guess is audited and counts toward the lock; the lock ends every session`, async () => {
      const u = await makeUser(t.db, { role: 'staff', twoFactor: true });
      const agent = await loginAs(t.app, u.username);
      const send = async () => {
        const token = csrfFrom((await agent.get(page)).text);
        return agent.post(path).type('form').send({ [field]: 'not-my-password', password: field === 'current' ? 'another long passphrase 1' : 'not-my-password', confirm: 'another long passphrase 1', _csrf: token });
      };
      for (let i = 0; i < 4; i++) {
        const res = await send();
        expect(res.status).toBe(400);
        if (field === 'current') expect(res.text).toContain(PASSWORD_FORM_MESSAGES.currentWrong);
      }
      const last = await send();
      expect(last.status).toBe(303);
      expect(last.headers.location).toBe('/login?locked=1');
      expect(await auditCount({ actor_id: u.id, action: 'user.reauth_failure' })).toBe(5);
      expect(await auditCount({ actor_id: u.id, action: 'login.lock' })).toBe(1);
      expect(await t.db('sessions').where({ user_id: u.id }).count({ n: '*' })).toEqual([{ n: 0 }]);
      expect((await attempt(u.username, TEST_PASSWORD)).text).toContain(LOGIN_MESSAGES.locked);
    });
  }
});

describe('S11: what anonymous visitors leave behind', () => {
  test('showing the login page makes no session; its form still works, and a forged token does not', async () => {
    const before = Number((await t.db('sessions').count({ n: '*' }))[0].n);
    for (let i = 0; i < 20; i++) await request(t.app).get('/login');
    expect(Number((await t.db('sessions').count({ n: '*' }))[0].n)).toBe(before);
    const u = await makeUser(t.db, { role: 'staff' });
    const agent = request.agent(t.app);
    const token = await tokenFor(agent, '/login');
    const forged = await request.agent(t.app).post('/login').type('form').send({ username: u.username, password: TEST_PASSWORD, _csrf: token });
    expect(forged.status).toBe(403);
    const ok = await agent.post('/login').type('form').send({ username: u.username, password: TEST_PASSWORD, _csrf: token });
    expect(ok.status).toBe(303);
  });

  test('a failed login under a name no user has keeps a keyed hash, never the typed text', async () => {
    const typed = 'Secret-Passw0rd-typed-as-name';
    await attempt(typed, 'whatever-password');
    const rows = await t.db('audit_log').where({ action: 'login.failure' }).whereNull('actor_id').pluck('actor_username');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.join(' ')).not.toMatch(/Secret|Passw0rd|typed/i);
    expect(rows.at(-1)).toMatch(/^\?[0-9a-f]{16}$/);
    await attempt(typed.toUpperCase(), 'whatever-password');
    const again = await t.db('audit_log').where({ action: 'login.failure' }).whereNull('actor_id').orderBy('id', 'desc').first('actor_username');
    expect(again.actor_username).toBe(rows.at(-1));
  });

  test('an address over its limit is audited once, not once per attempt', async () => {
    const app = (await createTestApp()); // a fresh database: the address count starts at zero
    try {
      const tries = async (n: number) => {
        for (let i = 0; i < n; i++) {
          const agent = request.agent(app.app);
          const token = await tokenFor(agent, '/login');
          await agent.post('/login').type('form').send({ username: `nobody${i}`, password: 'whatever-password', _csrf: token });
        }
      };
      await tries(60);
      const limited = Number((await app.db('audit_log').where({ action: 'login.address_limited' }).count({ n: '*' }))[0].n);
      expect(limited).toBe(1);
      expect(Number((await app.db('audit_log').where({ action: 'login.failure' }).count({ n: '*' }))[0].n)).toBe(50);
    } finally {
      await app.close();
    }
  }, 120_000); // sixty real sign-ins, each hashing a password: minutes on a loaded 2-core machine, not 30 s
});
