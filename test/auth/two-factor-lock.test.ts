import { createTestApp, TestApp } from '../helpers/app';
import { makeUser } from '../helpers/factories';
import { csrfFrom } from '../helpers/agent';
import { LOGIN_MESSAGES } from '../../src/auth/authenticate';
import { SECOND_FACTOR_MESSAGES } from '../../src/auth/second-factor';
import { actionsOf, codeAt, passwordStep, sendCode } from '../features/two-factor/helpers';
import { countedAttempts } from '../helpers/attempts';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

const enrolled = () => makeUser(t.db, { role: 'staff', twoFactor: true });

describe('second factor: account lock and time limit', () => {
  test('five wrong codes lock the account: the right password and the right code are refused until the lock ends', async () => {
    const u = await enrolled();
    const { agent } = await passwordStep(t, u.username);
    const other = await passwordStep(t, u.username); // a second browser, password already accepted
    for (let i = 0; i < 4; i++) {
      const res = await sendCode(agent, '000000');
      expect(res.status).toBe(401);
      expect(res.text).toContain(SECOND_FACTOR_MESSAGES.wrong);
    }
    const fifth = await sendCode(agent, '000000');
    expect(fifth.status).toBe(401);
    expect(fifth.text).toContain(LOGIN_MESSAGES.locked);
    expect((await agent.get('/login/two-factor')).headers.location).toBe('/login');

    expect((await sendCode(other.agent, codeAt(t))).text).toContain(LOGIN_MESSAGES.locked);
    const again = await passwordStep(t, u.username);
    expect(again.res.status).toBe(401);
    expect(again.res.text).toContain(LOGIN_MESSAGES.locked);
    t.clock.advance(14 * 60_000);
    expect((await passwordStep(t, u.username)).res.status).toBe(401);

    t.clock.advance(2 * 60_000);
    const open = await passwordStep(t, u.username);
    expect(open.res.headers.location).toBe('/login/two-factor');
    expect((await sendCode(open.agent, codeAt(t))).status).toBe(303);
    expect((await open.agent.get('/')).status).toBe(200);
    const actions = await actionsOf(t, u.id);
    expect(actions.filter((a) => a === 'login.2fa_failure')).toHaveLength(5);
    expect(actions).toEqual(expect.arrayContaining(['login.lock', 'login.locked', 'login.2fa_success']));
  });

  test('wrong passwords and wrong codes add up; a right password does not wipe the count', async () => {
    const u = await enrolled();
    for (let i = 0; i < 3; i++) expect((await passwordStep(t, u.username, {}, 'wrong-password-x')).res.status).toBe(401);
    const { agent, res } = await passwordStep(t, u.username);
    expect(res.headers.location).toBe('/login/two-factor');
    expect((await sendCode(agent, '111111')).text).toContain(SECOND_FACTOR_MESSAGES.wrong);
    expect((await sendCode(agent, '111111')).text).toContain(LOGIN_MESSAGES.locked);
    expect((await passwordStep(t, u.username)).res.text).toContain(LOGIN_MESSAGES.locked);
    t.clock.advance(16 * 60_000);
  });

  test('a right code clears the count of failures', async () => {
    const u = await enrolled();
    const { agent } = await passwordStep(t, u.username);
    for (let i = 0; i < 4; i++) await sendCode(agent, '222222');
    expect((await sendCode(agent, codeAt(t))).status).toBe(303);
    expect(await countedAttempts(t.db, u.id)).toBe(0);
  });

  test('the code must come within 5 minutes of the password', async () => {
    const u = await enrolled();
    const late = await passwordStep(t, u.username);
    const token = csrfFrom((await late.agent.get('/login/two-factor')).text);
    t.clock.advance(5 * 60_000 + 1_000);
    const res = await sendCode(late.agent, codeAt(t), token);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/login?expired=2fa');
    expect((await late.agent.get(res.headers.location)).text).toContain('確認コードの入力期限（5分）が過ぎました');
    expect((await late.agent.get('/login/two-factor')).headers.location).toBe('/login');
    expect((await late.agent.get('/')).status).toBe(303);
    expect(await actionsOf(t, u.id)).not.toContain('login.2fa_success');

    const inTime = await passwordStep(t, u.username);
    t.clock.advance(4 * 60_000 + 50_000);
    expect((await sendCode(inTime.agent, codeAt(t))).status).toBe(303);
  });

  test('a user disabled, or whose second factor was removed, while the code page is open gets no further', async () => {
    const u = await enrolled();
    const v = await enrolled();
    const a = await passwordStep(t, u.username);
    const b = await passwordStep(t, v.username);
    t.clock.advance(30_000);
    await t.db('users').where({ id: u.id }).update({ disabled_at: t.clock.now() });
    await t.db('user_totp').where({ user_id: v.id }).del();
    for (const agent of [a.agent, b.agent]) {
      const res = await sendCode(agent, codeAt(t));
      expect(res.status).toBe(401);
      expect(res.text).toContain(LOGIN_MESSAGES.failed);
      expect((await agent.get('/')).status).toBe(303);
    }
  });
});
