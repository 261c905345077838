import { createTestApp, TestApp } from '../helpers/app';
import { makeUser } from '../helpers/factories';
import { csrfFrom } from '../helpers/agent';
import { SECOND_FACTOR_MESSAGES } from '../../src/auth/second-factor';
import { actionsOf, codeAt, cookieOf, passwordStep, sendCode } from '../features/two-factor/helpers';
import { countedAttempts } from '../helpers/attempts';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

const enrolled = (role: 'staff' | 'manager' | 'admin' = 'staff') => makeUser(t.db, { role, twoFactor: true });
const lastStep = async (userId: number) => (await t.db('user_totp').where({ user_id: userId }).first()).last_step as number | null;

describe('login with a second factor', () => {
  test('the right password only leads to the code page: not logged in, same session id until the code is right', async () => {
    const u = await enrolled('manager');
    const { agent, res } = await passwordStep(t, u.username);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/login/two-factor');
    const pendingCookie = cookieOf(res);
    const home = await agent.get('/');
    expect(home.status).toBe(303);
    expect(home.headers.location).toMatch(/^\/login/);
    expect(await t.db('sessions').where({ user_id: u.id }).count({ n: '*' })).toEqual([{ n: 0 }]);
    expect((await t.db('users').where({ id: u.id }).first()).last_login_at).toBeNull();

    const page = await agent.get('/login/two-factor');
    expect(page.status).toBe(200);
    expect(page.text).toContain('確認コード');
    expect(page.text).toMatch(/<input id="code"[^>]*autocomplete="one-time-code"/);
    const ok = await sendCode(agent, codeAt(t), csrfFrom(page.text));
    expect(ok.status).toBe(303);
    expect(ok.headers.location).toBe('/');
    expect(cookieOf(ok)).toBeDefined();
    expect(cookieOf(ok)).not.toBe(pendingCookie);
    expect((await agent.get('/')).status).toBe(200);
    expect(await actionsOf(t, u.id)).toEqual(['login.2fa_challenge', 'login.2fa_success', 'login.success']);
    expect((await t.db('users').where({ id: u.id }).first()).last_login_at).toEqual(t.clock.now());
  });

  test('where the user was going is kept through the code step, and stays on this site', async () => {
    const u = await enrolled('manager');
    const first = await passwordStep(t, u.username, { next: '/admin/audit?action=logout' });
    t.clock.advance(30_000);
    expect((await sendCode(first.agent, codeAt(t))).headers.location).toBe('/admin/audit?action=logout');
    const second = await passwordStep(t, u.username, { next: '//evil.example/' });
    t.clock.advance(30_000);
    expect((await sendCode(second.agent, codeAt(t))).headers.location).toBe('/');
  });

  test('a code is accepted once: the same code again (after logging out) is refused', async () => {
    const u = await enrolled();
    const code = codeAt(t);
    const first = await passwordStep(t, u.username);
    expect((await sendCode(first.agent, code)).status).toBe(303);
    const home = await first.agent.get('/');
    await first.agent.post('/logout').type('form').send({ _csrf: csrfFrom(home.text) });
    const again = await passwordStep(t, u.username);
    const replay = await sendCode(again.agent, code);
    expect(replay.status).toBe(401);
    expect(replay.text).toContain(SECOND_FACTOR_MESSAGES.wrong);
    expect(replay.text).toMatch(/<input id="code"[^>]*aria-invalid="true"/);
    expect((await again.agent.get('/')).status).toBe(303);
    expect(await actionsOf(t, u.id)).toContain('login.2fa_failure');
    // the next step's code is fine
    t.clock.advance(30_000);
    expect((await sendCode(again.agent, codeAt(t))).status).toBe(303);
  });

  test('two steps of drift are refused, one step either way is accepted', async () => {
    const u = await enrolled();
    const { agent } = await passwordStep(t, u.username);
    expect((await sendCode(agent, codeAt(t, -2))).status).toBe(401);
    expect((await sendCode(agent, codeAt(t, 2))).status).toBe(401);
    expect((await sendCode(agent, codeAt(t, -1))).status).toBe(303);

    const v = await enrolled();
    const ahead = await passwordStep(t, v.username);
    expect((await sendCode(ahead.agent, codeAt(t, 1))).status).toBe(303);
    expect(await lastStep(v.id)).toBe(Math.floor(t.clock.now().getTime() / 30_000) + 1);
    // after a code from the next step, the current (earlier) step's code is refused
    const later = await passwordStep(t, v.username);
    expect((await sendCode(later.agent, codeAt(t))).status).toBe(401);
  });

  test('a code is read with 全角 digits and spaces', async () => {
    const u = await enrolled();
    t.clock.advance(30_000);
    const wide = codeAt(t).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    const { agent } = await passwordStep(t, u.username);
    expect((await sendCode(agent, `${wide.slice(0, 3)} ${wide.slice(3)}`)).status).toBe(303);
  });

  test('an empty code is asked for again, without counting as a failure', async () => {
    const u = await enrolled();
    const { agent } = await passwordStep(t, u.username);
    const res = await sendCode(agent, '  ');
    expect(res.status).toBe(400);
    expect(res.text).toContain(SECOND_FACTOR_MESSAGES.required);
    expect(await countedAttempts(t.db, u.id)).toBe(0);
  });

  test('without a password step there is nothing to answer', async () => {
    const u = await enrolled();
    const { agent } = await passwordStep(t, u.username, {}, 'not the password at all');
    expect((await agent.get('/login/two-factor')).headers.location).toBe('/login');
    const token = csrfFrom((await agent.get('/login')).text);
    const res = await agent.post('/login/two-factor').type('form').send({ code: codeAt(t), _csrf: token });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/login');
    expect((await agent.get('/')).status).toBe(303);
  });
});
