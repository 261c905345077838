/**
 * Issue 13 S6 (logs): a database error in the log keeps its code, constraint and table, never the
 * row values PostgreSQL puts in `detail`, `where` or the text of a data exception.
 */
import { loginAs } from '../helpers/agent';
import { makeUser } from '../helpers/factories';
import { appWithCapturedLog, captureLog } from '../helpers/captured-log';
import { openTestDatabase, TestDatabase } from '../helpers/test-db';

const SECRET_NAME = 'ひみつ 次郎';
const SECRET_ID = 'ひみつの値';

let database: TestDatabase;
beforeAll(async () => { database = await openTestDatabase(); });
afterAll(async () => { await database.close(); });

/** The error a query throws. */
async function errorOf(query: () => PromiseLike<unknown>): Promise<Error> {
  try {
    await query();
  } catch (e) {
    return e as Error;
  }
  throw new Error('the query did not fail');
}

const user = (username: string) => ({ username, display_name: SECRET_NAME, role: 'staff', password_hash: 'x' });

test('unique, not-null and data-exception errors: logged with code, constraint and SQL, without values', async () => {
  await database.db('users').insert(user('himitsu-jiro'));
  const errors = [
    await errorOf(() => database.db('users').insert(user('HIMITSU-JIRO'))),
    await errorOf(() => database.db('users').insert({ ...user('x'), role: null })),
    await errorOf(() => database.db('users').where('id', SECRET_ID).first()),
    await errorOf(() => database.db.raw('select ?::date', [`${SECRET_ID} - 2020-13-45`])),
  ];
  const captured = captureLog();
  for (const err of errors) captured.log.error({ err }, 'failed');
  captured.log.error(errors[0]);
  captured.log.error({ err: new Error('wrapped', { cause: errors[2] }) }, 'failed');
  const lines = captured.lines();
  expect(lines).toHaveLength(6);
  for (const needle of ['himitsu', 'HIMITSU', 'ひみつ', 'Failing row', 'Key (', '"detail"', '"where"', '"hint"', 'portal parameter']) {
    expect([needle, captured.text().includes(needle)]).toEqual([needle, false]);
  }
  expect(lines[0].err).toMatchObject({ code: '23505', constraint: 'users_username_lower_uq', table: 'users' });
  expect((lines[0].err as { message: string }).message).toContain('duplicate key value violates unique constraint "users_username_lower_uq"');
  expect((lines[0].err as { message: string }).message).toContain('insert into "users"');
  expect(lines[1].err).toMatchObject({ code: '23502', column: 'role', table: 'users' });
  expect(lines[2].err).toMatchObject({ code: '22P02' });
  expect((lines[2].err as { message: string }).message).toMatch(/^select \* from "users" where "id" = \$1 limit \$2 - data exception 22P02/);
  expect((lines[2].err as { stack: string }).stack).toMatch(/\n {4}at /);
  expect(lines[4].err).toMatchObject({ code: '23505' });
  expect((lines[5].err as { message: string }).message).toContain('wrapped');
});

test('a 500 caused by a constraint the form broke: the log has the incident, not the typed values', async () => {
  const t = await appWithCapturedLog();
  try {
    await t.database.db.raw(`ALTER TABLE users ADD CONSTRAINT no_secret CHECK (display_name <> '${SECRET_NAME}')`);
    const admin = await makeUser(t.database.db, { role: 'admin' });
    const agent = await loginAs(t.app, admin.username);
    const form = await agent.get('/admin/users/new');
    const fields = Object.fromEntries([...form.text.matchAll(/name="(_csrf|_form)" value="([^"]+)"/g)].map((m) => [m[1], m[2]]));
    const res = await agent.post('/admin/users').type('form')
      .send({ ...fields, username: 'himitsu-taro', display_name: SECRET_NAME, role: 'staff', ward_id: '', password: '' });
    expect(res.status).toBe(500);
    const id = res.text.match(/エラー番号：<strong>([0-9A-F]{12})<\/strong>/)![1];
    const line = t.lines().find((l) => l.incidentId === id)!;
    expect(line.err).toMatchObject({ code: '23514', constraint: 'no_secret', table: 'users' });
    for (const needle of ['himitsu', 'ひみつ', 'Failing row', 'detail']) expect([needle, t.text().includes(needle)]).toEqual([needle, false]);
  } finally {
    await t.database.close();
  }
});

test('a unique index no form checks: 409 saying nothing was saved, logged as a warning without the values', async () => {
  const t = await appWithCapturedLog();
  try {
    await t.database.db.raw('CREATE UNIQUE INDEX users_display_name_test_uq ON users (display_name)');
    const admin = await makeUser(t.database.db, { role: 'admin' });
    const agent = await loginAs(t.app, admin.username);
    const create = async (username: string) => {
      const form = await agent.get('/admin/users/new');
      const fields = Object.fromEntries([...form.text.matchAll(/name="(_csrf|_form)" value="([^"]+)"/g)].map((m) => [m[1], m[2]]));
      return agent.post('/admin/users').type('form').send({ ...fields, username, display_name: SECRET_NAME, role: 'staff', ward_id: '', password: '' });
    };
    expect((await create('himitsu-one')).status).toBe(303);
    const second = await create('himitsu-two');
    expect(second.status).toBe(409);
    expect(second.text).toContain('同じ内容の記録が既に登録されています');
    expect(second.text).not.toContain('エラー番号');
    expect(await t.database.db('users').where({ username: 'himitsu-two' })).toHaveLength(0);
    const line = t.lines().find((l) => l.level === 40)!;
    expect(line.err).toMatchObject({ code: '23505', constraint: 'users_display_name_test_uq' });
    for (const needle of ['himitsu', 'ひみつ', 'Key (', 'detail']) expect([needle, t.text().includes(needle)]).toEqual([needle, false]);
  } finally {
    await t.database.close();
  }
});
