import { createTestApp, TestApp } from '../../helpers/app';
import { makeUser, TEST_PASSWORD } from '../../helpers/factories';
import { csrfFrom, loginAs } from '../../helpers/agent';
import { totpCode } from '../../../src/auth/totp';
import { TWO_FACTOR_MESSAGES } from '../../../src/features/two-factor/two-factor-schema';
import { codeAt, confirmEnrolment as confirm, ENROL_PAGE as PAGE, passwordStep, secretFrom, sendCode } from './helpers';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

describe('one\'s own second factor, and roles that require it', () => {
  test('a user whose role does not require it may turn it off with their password (audited)', async () => {
    const u = await makeUser(t.db, { role: 'ward', twoFactor: true });
    const agent = await loginAs(t.app, u.username);
    const page = await agent.get(PAGE);
    expect(page.text).toContain('action="/account/two-factor/disable"');
    const wrong = await agent.post(`${PAGE}/disable`).type('form').send({ password: 'not my password', _csrf: csrfFrom(page.text) });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain(TWO_FACTOR_MESSAGES.passwordWrong);
    expect(await t.db('user_totp').where({ user_id: u.id }).first()).toBeDefined();
    const ok = await agent.post(`${PAGE}/disable`).type('form').send({ password: TEST_PASSWORD, _csrf: csrfFrom(page.text) });
    expect(ok.status).toBe(303);
    expect(await t.db('user_totp').where({ user_id: u.id }).first()).toBeUndefined();
    expect(await t.db('audit_log').where({ action: 'user.2fa_disable', record_id: String(u.id), actor_id: u.id })).toHaveLength(1);
    expect((await passwordStep(t, u.username)).res.headers.location).toBe('/');
  });

  test('a user whose role requires it cannot turn it off', async () => {
    const u = await makeUser(t.db, { role: 'manager' });
    const agent = await loginAs(t.app, u.username);
    const page = await agent.get(PAGE);
    expect(page.text).not.toContain('action="/account/two-factor/disable"');
    const res = await agent.post(`${PAGE}/disable`).type('form').send({ password: TEST_PASSWORD, _csrf: csrfFrom(page.text) });
    expect(res.status).toBe(303);
    expect((await agent.get(PAGE)).text).toContain('解除できません');
    expect(await t.db('user_totp').where({ user_id: u.id }).first()).toBeDefined();
    expect(await t.db('audit_log').where({ action: 'user.2fa_disable', record_id: String(u.id) })).toHaveLength(0);
  });

  test('a required role without a second factor can open nothing but enrolment until enrolled', async () => {
    const u = await makeUser(t.db, { role: 'admin', twoFactor: false });
    const { agent, res } = await passwordStep(t, u.username, { next: '/admin/users' });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(PAGE);
    for (const path of ['/', '/admin/users', '/admin/masters/settings', '/account/password', '/admin/audit']) {
      const r = await agent.get(path);
      expect([path, r.status, r.headers.location]).toEqual([path, 303, PAGE]);
    }
    const page = await agent.get(PAGE);
    expect(page.text).toContain('設定が終わるまで、ほかの画面は使えません');
    const post = await agent.post('/admin/users').type('form')
      .send({ username: 'made.while.unenrolled', display_name: 'x', role: 'admin', password: '', _csrf: csrfFrom(page.text) });
    expect(post.headers.location).toBe(PAGE);
    expect(await t.db('users').where({ username: 'made.while.unenrolled' }).first()).toBeUndefined();

    const secret = secretFrom(page.text);
    expect((await confirm(agent, totpCode(secret, t.clock.now()))).status).toBe(303);
    expect((await agent.get('/admin/users')).status).toBe(200);
    const logout = await agent.post('/logout').type('form').send({ _csrf: csrfFrom((await agent.get('/')).text) });
    expect(logout.status).toBe(303);
    t.clock.advance(30_000);
    const next = await passwordStep(t, u.username);
    expect(next.res.headers.location).toBe('/login/two-factor');
    expect((await sendCode(next.agent, codeAt(t, 0, secret))).status).toBe(303);
  });

});
