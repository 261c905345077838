import { createTestApp, TestApp } from '../../helpers/app';
import { makeUser } from '../../helpers/factories';
import { Agent, csrfFrom, loginAs } from '../../helpers/agent';
import { passwordStep } from './helpers';

let t: TestApp;
let admin: { id: number; username: string };
let agent: Agent;
beforeAll(async () => {
  t = await createTestApp();
  admin = await makeUser(t.db, { role: 'admin' });
  agent = await loginAs(t.app, admin.username);
});
afterAll(async () => { await t.close(); });

const SETTINGS = '/admin/masters/settings';
const sessionCount = async (userId: number) => Number((await t.db('sessions').where({ user_id: userId }).count({ n: '*' }))[0].n);
const auditRows = (action: string, recordId: string | number) =>
  t.db('audit_log').where({ action, record_id: String(recordId) }).select('*');

async function resetFor(userId: number, by = agent) {
  const page = await by.get(`/admin/users/${userId}`);
  return by.post(`/admin/users/${userId}/reset-two-factor`).type('form').send({ _csrf: csrfFrom(page.text) });
}

async function saveRoles(roles: string[], version: string, by = agent) {
  const page = await by.get(SETTINGS);
  return by.post(`${SETTINGS}/two-factor`).type('form').send({ required_roles: roles, two_factor_version: version, _csrf: csrfFrom(page.text) });
}

describe('admin reset of a second factor', () => {
  test('removes the factor and recovery codes, ends the sessions, is audited; the user enrols again at next login', async () => {
    const u = await makeUser(t.db, { role: 'manager' });
    await t.db('user_recovery_codes').insert({ user_id: u.id, salt: 's', code_hash: 'h', created_at: t.clock.now() });
    const victim = await loginAs(t.app, u.username);
    expect(await sessionCount(u.id)).toBe(1);
    const page = await agent.get(`/admin/users/${u.id}`);
    expect(page.text).toMatch(/<dt>二段階認証<\/dt><dd>設定済み<\/dd>/);
    expect(page.text).toContain(`action="/admin/users/${u.id}/reset-two-factor"`);

    const res = await resetFor(u.id);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/admin/users/${u.id}`);
    expect(await t.db('user_totp').where({ user_id: u.id }).first()).toBeUndefined();
    expect(await t.db('user_recovery_codes').where({ user_id: u.id }).first()).toBeUndefined();
    expect(await sessionCount(u.id)).toBe(0);
    expect((await victim.get('/')).headers.location).toMatch(/^\/login/);
    expect(await auditRows('user.2fa_reset', u.id)).toEqual([expect.objectContaining({ actor_id: admin.id, record_type: 'user' })]);
    const after = await agent.get(`/admin/users/${u.id}`);
    expect(after.text).toContain('二段階認証を解除しました。');
    expect(after.text).toContain('未設定（この役割では必須');
    expect(after.text).not.toContain(`action="/admin/users/${u.id}/reset-two-factor"`);

    const again = await passwordStep(t, u.username);
    expect(again.res.headers.location).toBe('/account/two-factor');
    expect((await again.agent.get('/')).headers.location).toBe('/account/two-factor');
  });

  test('a user whose role does not require it just logs in with the password after a reset', async () => {
    const u = await makeUser(t.db, { role: 'staff', twoFactor: true });
    expect((await resetFor(u.id)).status).toBe(303);
    const again = await passwordStep(t, u.username);
    expect(again.res.headers.location).toBe('/');
    expect((await again.agent.get('/')).status).toBe(200);
  });

  test('nothing to reset: said so, nothing audited', async () => {
    const u = await makeUser(t.db, { role: 'staff' });
    expect((await agent.get(`/admin/users/${u.id}`)).text).not.toContain('reset-two-factor');
    await resetFor(u.id);
    expect((await agent.get(`/admin/users/${u.id}`)).text).toContain('二段階認証を設定していません');
    expect(await auditRows('user.2fa_reset', u.id)).toHaveLength(0);
  });

  test('only admins may reset', async () => {
    const u = await makeUser(t.db, { role: 'staff', twoFactor: true });
    const manager = await makeUser(t.db, { role: 'manager' });
    const m = await loginAs(t.app, manager.username);
    const token = csrfFrom((await m.get('/')).text);
    expect((await m.post(`/admin/users/${u.id}/reset-two-factor`).type('form').send({ _csrf: token })).status).toBe(403);
    expect(await t.db('user_totp').where({ user_id: u.id }).first()).toBeDefined();
  });

  test('an admin who resets their own second factor is logged out and must enrol again', async () => {
    const other = await makeUser(t.db, { role: 'admin' });
    const self = await loginAs(t.app, other.username);
    const res = await resetFor(other.id, self);
    expect(res.headers.location).toBe('/login');
    expect((await self.get('/')).headers.location).toMatch(/^\/login/);
    t.clock.advance(30_000);
    const again = await passwordStep(t, other.username);
    expect(again.res.headers.location).toBe('/account/two-factor');
    expect((await again.agent.get('/admin/users')).headers.location).toBe('/account/two-factor');
    expect(await auditRows('user.2fa_reset', other.id)).toEqual([expect.objectContaining({ actor_id: other.id })]);
  });
});

describe('which roles must use a second factor (settings)', () => {
  test('admin and manager are required as seeded; the page shows it', async () => {
    const page = await agent.get(SETTINGS);
    expect(page.status).toBe(200);
    const checked = [...page.text.matchAll(/name="required_roles" id="required_roles-\w+" value="(\w+)"[^>]*?( checked)?>/g)].map((m) => [m[1], !!m[2]]);
    expect(checked).toEqual([['admin', true], ['staff', false], ['ward', false], ['manager', true]]);
    expect(page.text).toContain('name="two_factor_version" value="1"');
  });

  test('changing the setting changes who must enrol, at once; audited; a stale form gets the conflict page', async () => {
    const staff = await makeUser(t.db, { role: 'staff' });
    const manager = await makeUser(t.db, { role: 'manager', twoFactor: false });
    const staffAgent = await loginAs(t.app, staff.username);
    expect((await staffAgent.get('/')).status).toBe(200);
    expect((await passwordStep(t, manager.username)).res.headers.location).toBe('/account/two-factor');

    const res = await saveRoles(['admin', 'staff'], '1');
    expect(res.status).toBe(303);
    expect((await agent.get(SETTINGS)).text).toContain('二段階認証を必須とする役割を更新しました。');
    const rows = await t.db('settings').where('key', 'like', 'two_factor_required.%').orderBy('key').select('key', 'int_value', 'version');
    expect(rows).toEqual([
      { key: 'two_factor_required.admin', int_value: 1, version: 2 },
      { key: 'two_factor_required.manager', int_value: 0, version: 2 },
      { key: 'two_factor_required.staff', int_value: 1, version: 2 },
      { key: 'two_factor_required.ward', int_value: 0, version: 2 },
    ]);
    expect(await auditRows('master.update', 'two_factor_required')).toEqual([expect.objectContaining({ actor_id: admin.id, record_type: 'settings' })]);
    expect((await staffAgent.get('/')).headers.location).toBe('/account/two-factor');
    const m = await passwordStep(t, manager.username);
    expect(m.res.headers.location).toBe('/');
    expect((await m.agent.get('/')).status).toBe(200);

    const stale = await saveRoles(['admin', 'manager'], '1');
    expect(stale.status).toBe(409);
    expect(stale.text).toContain('他の人が先に更新しました');
    expect(stale.text).toContain('システム管理者、管理者（センター長・市担当課）');
    expect((await t.db('settings').where({ key: 'two_factor_required.manager' }).first()).int_value).toBe(0);

    expect((await saveRoles(['admin', 'manager'], '2')).status).toBe(303);
    expect((await staffAgent.get('/')).status).toBe(200);
  });

  test('an unknown role is refused with 400 and nothing changes; only admins may post', async () => {
    const before = await t.db('settings').where('key', 'like', 'two_factor_required.%').orderBy('key').select('*');
    const bad = await saveRoles(['admin', 'root'], '3');
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('役割の選択肢から選んでください');
    expect(bad.text).toContain('id="required_roles-error"');
    const manager = await makeUser(t.db, { role: 'manager' });
    const m = await loginAs(t.app, manager.username);
    const token = csrfFrom((await m.get('/')).text);
    const denied = await m.post(`${SETTINGS}/two-factor`).type('form').send({ two_factor_version: '3', _csrf: token });
    expect(denied.status).toBe(403);
    expect(await t.db('settings').where('key', 'like', 'two_factor_required.%').orderBy('key').select('*')).toEqual(before);
  });
});
