import request from 'supertest';
import { useTestApp } from '../helpers/suite';
import { makeUser, TEST_PASSWORD } from '../helpers/factories';
import { csrfFrom, postForm, tokenFor } from '../helpers/agent';
import { USER_MESSAGES } from '../../src/features/admin/users-schema';
import { PASSWORD_MESSAGES } from '../../src/auth/password-policy';

const t = useTestApp();
const admin = t.user('admin');

async function attemptLogin(username: string, password: string) {
  const a = request.agent(t.app);
  const token = await tokenFor(a, '/login');
  const res = await a.post('/login').type('form').send({ username, password, _csrf: token });
  return { a, res };
}

/** Submits the new-user form as the admin. */
const createUser = (body: Record<string, string>) => postForm(admin.agent, '/admin/users', body, '/admin/users/new');
const wardId = async (name: string) => (await t.db('wards').where({ name }).first('id')).id as number;
const userRow = (id: number) => t.db('users').where({ id }).first();
const auditOf = (action: string, id: number) =>
  t.db('audit_log').where({ action, record_type: 'user', record_id: String(id) }).select('*');
const oneTimeOf = (html: string) => html.match(/class="one-time-password"><strong>([^<]+)<\/strong>/)?.[1];
const sessionCount = async (userId: number) => Number((await t.db('sessions').where({ user_id: userId }).count({ n: '*' }))[0].n);

describe('admin users: create', () => {
  test('no password given: a one-time password is shown once, must be changed at first login, and is audited', async () => {
    const res = await createUser({
      username: 'kumamoto.hanako', display_name: '熊本 花子', role: 'staff', ward_id: '', password: '',
    });
    expect(res.status).toBe(303);
    const id = Number(res.headers.location.match(/^\/admin\/users\/(\d+)$/)?.[1]);
    expect(id).toBeGreaterThan(0);

    const first = await admin.agent.get(`/admin/users/${id}`);
    expect(first.status).toBe(200);
    expect(first.text).toContain('ユーザーを作成しました。');
    expect(first.headers['cache-control']).toBe('no-store');
    const otp = oneTimeOf(first.text);
    expect(otp).toMatch(/^[A-Za-z2-9]{16}$/);

    const again = await admin.agent.get(`/admin/users/${id}`);
    expect(again.status).toBe(200);
    expect(oneTimeOf(again.text)).toBeUndefined();
    expect(again.text).not.toContain(otp!);
    // and it is not left behind in any stored session or audit row
    const sessions = await t.db('sessions').select('sess');
    expect(JSON.stringify(sessions)).not.toContain(otp!);

    const stored = await userRow(id);
    expect(stored).toMatchObject({ username: 'kumamoto.hanako', display_name: '熊本 花子', role: 'staff', ward_id: null, must_change_password: true });
    expect(stored.password_hash).not.toContain(otp!);

    const { a, res: login } = await attemptLogin('kumamoto.hanako', otp!);
    expect(login.status).toBe(303);
    const home = await a.get('/');
    expect(home.status).toBe(303);
    expect(home.headers.location).toBe('/account/password');

    const rows = await auditOf('user.create', id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_id: admin.id, actor_username: admin.username });
    const allAudit = JSON.stringify(await t.db('audit_log').select('*'));
    expect(allAudit).not.toContain(otp!);
    expect(allAudit).not.toContain('熊本 花子');
  });

  test('a ward user is created with their ward; a given strong password is not shown and must still be changed', async () => {
    const west = await wardId('西区');
    const res = await createUser({
      username: 'nishi.taro', display_name: '西 太郎', role: 'ward', ward_id: String(west), password: 'a quite long passphrase 42',
    });
    expect(res.status).toBe(303);
    const id = Number(res.headers.location.split('/').pop());
    const page = await admin.agent.get(`/admin/users/${id}`);
    expect(oneTimeOf(page.text)).toBeUndefined();
    expect(await userRow(id)).toMatchObject({ role: 'ward', ward_id: west, must_change_password: true });
    const { res: login } = await attemptLogin('nishi.taro', 'a quite long passphrase 42');
    expect(login.status).toBe(303);
  });

  test('a weak password (password1) is refused next to the field, in the summary, and nothing is stored', async () => {
    const before = await t.db('users').count({ n: '*' });
    const res = await createUser({
      username: 'weak.user', display_name: '弱い パスワード', role: 'staff', ward_id: '', password: 'password1',
    });
    expect(res.status).toBe(400);
    expect(res.text).toContain(`<p class="error-text" id="password-error">${PASSWORD_MESSAGES.common}</p>`);
    const input = res.text.match(/<input id="password"[^>]*>/)?.[0] ?? '';
    expect(input).toContain('aria-invalid="true"');
    expect(input).toMatch(/aria-describedby="[^"]*password-error/);
    expect(input).toContain('value=""');
    expect(res.text).toContain('class="error-summary"');
    expect(res.text).toContain(`<a href="#password">${PASSWORD_MESSAGES.common}</a>`);
    // what was typed (except the password) is kept
    expect(res.text).toMatch(/<input id="username"[^>]*value="weak.user"/);
    expect(res.text).not.toContain('password1');
    expect(await t.db('users').count({ n: '*' })).toEqual(before);
    expect(await t.db('users').where({ username: 'weak.user' }).first()).toBeUndefined();
  });

  test('a password containing the user name is refused', async () => {
    const res = await createUser({
      username: 'suzuki', display_name: '鈴木', role: 'staff', password: 'my-name-is-suzuki-ok',
    });
    expect(res.status).toBe(400);
    expect(res.text).toContain(PASSWORD_MESSAGES.containsUsername);
    expect(await t.db('users').where({ username: 'suzuki' }).first()).toBeUndefined();
  });

  test('a user name already taken, in any letter case, is refused', async () => {
    await makeUser(t.db, { role: 'staff', username: 'Yamada.Ichiro' });
    const res = await createUser({
      username: 'yamada.ICHIRO', display_name: '山田 一郎', role: 'staff', password: '',
    });
    expect(res.status).toBe(400);
    expect(res.text).toContain(`<p class="error-text" id="username-error">${USER_MESSAGES.usernameTaken}</p>`);
    expect(res.text).toMatch(/<input id="username"[^>]*aria-invalid="true"/);
    const n = await t.db('users').whereRaw('lower(username) = ?', ['yamada.ichiro']).count({ n: '*' });
    expect(Number(n[0].n)).toBe(1);
  });

  test('role ward without a ward is refused (400), and a ward for another role too', async () => {
    const before = await t.db('users').count({ n: '*' });
    const noWard = await createUser({
      username: 'ward.nobody', display_name: '区 なし', role: 'ward', ward_id: '', password: '',
    });
    expect(noWard.status).toBe(400);
    expect(noWard.text).toContain(`<p class="error-text" id="ward_id-error">${USER_MESSAGES.ward}</p>`);
    expect(noWard.text).toMatch(/<select id="ward_id"[^>]*aria-invalid="true"/);
    expect(noWard.text).toContain(`<a href="#ward_id">${USER_MESSAGES.ward}</a>`);

    const staffWithWard = await createUser({
      username: 'staff.ward', display_name: '職員', role: 'staff', ward_id: String(await wardId('東区')), password: '',
    });
    expect(staffWithWard.status).toBe(400);
    expect(staffWithWard.text).toContain(USER_MESSAGES.wardNotAllowed);

    const unknownWard = await createUser({
      username: 'ward.ghost', display_name: '幽霊', role: 'ward', ward_id: '999999', password: '',
    });
    expect(unknownWard.status).toBe(400);
    expect(unknownWard.text).toContain(USER_MESSAGES.ward);
    expect(await t.db('users').count({ n: '*' })).toEqual(before);
  });

  test('bad user name and missing display name are each reported', async () => {
    const res = await createUser({
      username: 'a b', display_name: '', role: 'nobody', password: '',
    });
    expect(res.status).toBe(400);
    expect(res.text).toContain(USER_MESSAGES.username);
    expect(res.text).toContain('表示名を入力してください');
    expect(res.text).toContain(USER_MESSAGES.role);
    expect(res.text).toContain('入力内容を確認してください（3件）');
  });
});

describe('admin users: edit with optimistic locking', () => {
  test('role and ward change is saved, audited, and ends the user\'s sessions', async () => {
    const u = await t.login('staff');
    expect(await sessionCount(u.id)).toBe(1);
    const page = await admin.agent.get(`/admin/users/${u.id}`);
    expect(page.text).toContain('name="version" value="1"');
    const south = await wardId('南区');
    const res = await admin.agent.post(`/admin/users/${u.id}`).type('form').send({
      display_name: '南区 担当', role: 'ward', ward_id: String(south), version: '1', _csrf: csrfFrom(page.text),
    });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/admin/users/${u.id}`);
    expect(await userRow(u.id)).toMatchObject({ display_name: '南区 担当', role: 'ward', ward_id: south, version: 2, updated_by: admin.id });
    expect(await auditOf('user.update', u.id)).toHaveLength(1);
    expect(await sessionCount(u.id)).toBe(0);
    expect((await u.agent.get('/')).status).toBe(303);
    const shown = await admin.agent.get(`/admin/users/${u.id}`);
    expect(shown.text).toContain('ユーザー情報を更新しました。');
    expect(shown.text).toContain('name="version" value="2"');
    expect(shown.text).toMatch(new RegExp(`<option value="${south}" selected>南区</option>`));
  });

  test('a stale version gets the 409 conflict page with both values, and nothing is overwritten', async () => {
    const u = await makeUser(t.db, { role: 'ward', ward: '東区' });
    const east = await wardId('東区');
    const north = await wardId('北区');
    const otherAdmin = await t.login('admin');
    // both admins open the same record at version 1
    const mine = await admin.agent.get(`/admin/users/${u.id}`);
    const theirs = await otherAdmin.agent.get(`/admin/users/${u.id}`);
    expect(mine.text).toContain('name="version" value="1"');
    const first = await otherAdmin.agent.post(`/admin/users/${u.id}`).type('form').send({
      display_name: '北区へ異動', role: 'ward', ward_id: String(north), version: '1', _csrf: csrfFrom(theirs.text),
    });
    expect(first.status).toBe(303);

    const stale = await admin.agent.post(`/admin/users/${u.id}`).type('form').send({
      display_name: '管理者に昇格', role: 'manager', ward_id: '', version: '1', _csrf: csrfFrom(mine.text),
    });
    expect(stale.status).toBe(409);
    expect(stale.text).toContain('他の人が先に更新しました');
    const rows = [...stale.text.matchAll(/<tr[^>]*><th scope="row">([^<]+)<\/th><td>([^<]*)<\/td><td>([^<]*)<\/td><\/tr>/g)]
      .map((m) => [m[1], m[2], m[3]]);
    expect(rows).toEqual(expect.arrayContaining([
      ['表示名', '管理者に昇格', '北区へ異動'],
      ['役割', '管理者（センター長・市担当課）', '区役所職員'],
      ['担当の区', '', '北区'],
    ]));
    expect(stale.text).toContain(`href="/admin/users/${u.id}"`);
    expect(await userRow(u.id)).toMatchObject({ display_name: '北区へ異動', role: 'ward', ward_id: north, version: 2 });
    expect(north).not.toBe(east);
    const updates = await auditOf('user.update', u.id);
    expect(updates).toHaveLength(1);
    expect(updates[0].actor_id).toBe(otherAdmin.id);
  });

  test('an invalid edit is re-rendered with 400 and changes nothing', async () => {
    const u = await makeUser(t.db, { role: 'staff' });
    const page = await admin.agent.get(`/admin/users/${u.id}`);
    const res = await admin.agent.post(`/admin/users/${u.id}`).type('form').send({
      display_name: 'x', role: 'ward', ward_id: '', version: '1', _csrf: csrfFrom(page.text),
    });
    expect(res.status).toBe(400);
    expect(res.text).toContain(`<p class="error-text" id="ward_id-error">${USER_MESSAGES.ward}</p>`);
    const ghost = await admin.agent.post(`/admin/users/${u.id}`).type('form').send({
      display_name: 'x', role: 'ward', ward_id: '999999', version: '1', _csrf: csrfFrom(page.text),
    });
    expect(ghost.status).toBe(400);
    expect(ghost.text).toContain(USER_MESSAGES.ward);
    expect(await userRow(u.id)).toMatchObject({ role: 'staff', version: 1 });
    expect(await auditOf('user.update', u.id)).toHaveLength(0);
  });

  test('an unknown or malformed user id is 404', async () => {
    expect((await admin.agent.get('/admin/users/987654')).status).toBe(404);
    expect((await admin.agent.get('/admin/users/abc')).status).toBe(404);
    const res = await postForm(admin.agent, '/admin/users/987654/disable', {}, '/');
    expect(res.status).toBe(404);
  });
});

describe('admin users: password reset, disable and enable', () => {
  test('reset gives a new one-time password; the old one stops working; the user\'s sessions end', async () => {
    const u = await t.login('staff');
    expect((await u.agent.get('/')).status).toBe(200);
    const res = await postForm(admin.agent, `/admin/users/${u.id}/reset-password`, {}, `/admin/users/${u.id}`);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/admin/users/${u.id}`);

    const shown = await admin.agent.get(`/admin/users/${u.id}`);
    const otp = oneTimeOf(shown.text);
    expect(otp).toMatch(/^[A-Za-z2-9]{16}$/);
    expect(shown.text).toContain('次回ログイン時に変更が必要');
    expect(oneTimeOf((await admin.agent.get(`/admin/users/${u.id}`)).text)).toBeUndefined();

    expect(await sessionCount(u.id)).toBe(0);
    const after = await u.agent.get('/');
    expect(after.status).toBe(303);
    expect(after.headers.location).toMatch(/^\/login/);
    expect((await attemptLogin(u.username, TEST_PASSWORD)).res.status).toBe(401);
    const { a, res: login } = await attemptLogin(u.username, otp!);
    expect(login.status).toBe(303);
    expect((await a.get('/')).headers.location).toBe('/account/password');
    expect(await userRow(u.id)).toMatchObject({ must_change_password: true, version: 2, updated_by: admin.id });

    const rows = await auditOf('user.password_reset', u.id);
    expect(rows).toHaveLength(1);
    expect(rows[0].actor_id).toBe(admin.id);
  });

  test('reset lifts a login lock: the locked user signs in with the new one-time password', async () => {
    const u = await t.login('staff');
    for (let i = 0; i < 5; i++) await attemptLogin(u.username, 'wrong-password-x');
    expect((await attemptLogin(u.username, TEST_PASSWORD)).res.status).toBe(401);
    await postForm(admin.agent, `/admin/users/${u.id}/reset-password`, {}, `/admin/users/${u.id}`);
    const otp = oneTimeOf((await admin.agent.get(`/admin/users/${u.id}`)).text)!;
    const { res } = await attemptLogin(u.username, otp);
    expect([res.status, res.headers.location]).toEqual([303, '/account/password']);
  });

  test('disable ends sessions and blocks login; enable lets the user in again; both audited', async () => {
    const u = await t.login('manager');
    const off = await postForm(admin.agent, `/admin/users/${u.id}/disable`, {}, `/admin/users/${u.id}`);
    expect(off.status).toBe(303);
    expect((await userRow(u.id)).disabled_at).toEqual(t.clock.now());
    expect(await sessionCount(u.id)).toBe(0);
    expect((await u.agent.get('/')).status).toBe(303);
    expect((await attemptLogin(u.username, TEST_PASSWORD)).res.status).toBe(401);
    const page = await admin.agent.get(`/admin/users/${u.id}`);
    expect(page.text).toContain('停止中');
    expect(page.text).toContain(`action="/admin/users/${u.id}/enable"`);
    expect(page.text).not.toContain(`action="/admin/users/${u.id}/disable"`);
    const list = await admin.agent.get('/admin/users');
    expect(list.text).toMatch(new RegExp(`${u.username}</a></td>[\\s\\S]*?<td>停止中</td>`));

    const on = await admin.agent.post(`/admin/users/${u.id}/enable`).type('form').send({ _csrf: csrfFrom(page.text) });
    expect(on.status).toBe(303);
    expect((await userRow(u.id)).disabled_at).toBeNull();
    expect((await attemptLogin(u.username, TEST_PASSWORD)).res.status).toBe(303);

    expect(await auditOf('user.disable', u.id)).toHaveLength(1);
    expect(await auditOf('user.enable', u.id)).toHaveLength(1);
  });

  test('an admin cannot disable themselves', async () => {
    const res = await postForm(admin.agent, `/admin/users/${admin.id}/disable`, {}, `/admin/users/${admin.id}`);
    expect(res.status).toBe(303);
    const page = await admin.agent.get(`/admin/users/${admin.id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('自分自身を停止することはできません。');
    expect((await userRow(admin.id)).disabled_at).toBeNull();
    expect(await auditOf('user.disable', admin.id)).toHaveLength(0);
    expect(await sessionCount(admin.id)).toBeGreaterThan(0);
  });
});

describe('admin users: who may', () => {
  test('only admins reach user management; others get 403 and the attempt is audited', async () => {
    for (const role of ['staff', 'manager', 'ward'] as const) {
      const u = await t.login(role);
      expect((await u.agent.get('/admin/users')).status).toBe(403);
      expect((await u.agent.get('/admin/users/new')).status).toBe(403);
      const post = await postForm(u.agent, '/admin/users', { username: `by.${role}`, display_name: 'x', role: 'admin', password: '' }, '/');
      expect(post.status).toBe(403);
      expect(await t.db('users').where({ username: `by.${role}` }).first()).toBeUndefined();
      expect((await t.db('audit_log').where({ action: 'access.denied', actor_id: u.id }).count({ n: '*' }))[0].n).toBe(3);
    }
  });

  test('a POST without the CSRF token is refused', async () => {
    const u = await makeUser(t.db, { role: 'staff' });
    const res = await admin.agent.post(`/admin/users/${u.id}/disable`).type('form').send({});
    expect(res.status).toBe(403);
    expect((await userRow(u.id)).disabled_at).toBeNull();
  });

  test('signed-out requests go to the login page', async () => {
    const res = await request(t.app).get('/admin/users');
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/login?next=%2Fadmin%2Fusers');
  });
});
