import { Knex } from 'knex';
import { openTestDatabase, TestDatabase } from '../helpers/test-db';
import { userCommands } from '../../src/cli/user-commands';
import { CliContext, CliError } from '../../src/cli/command';
import { fixedClock } from '../../src/clock';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { verifyPassword } from '../../src/auth/passwords';

let tdb: TestDatabase;
let db: Knex;
let out: string[];
let ctx: CliContext;
beforeAll(async () => { tdb = await openTestDatabase(); db = tdb.db; });
afterAll(async () => { await tdb.close(); });
beforeEach(() => {
  out = [];
  ctx = { db, clock: fixedClock(new Date('2026-11-27T00:00:00Z')), config: loadConfig({ NODE_ENV: 'test' }), log: createLogger('silent'), out: (s) => out.push(s), err: (s) => out.push(s) };
});

const run = (name: string, args: string[]) => userCommands[name].run(args, ctx);

test('user:create makes a ward user with a generated one-time password that must be changed', async () => {
  expect(await run('user:create', ['--username', 'higashi1', '--role', 'ward', '--ward', '東区'])).toBe(0);
  const password = out.find((l) => l.startsWith('仮パスワード: '))!.slice('仮パスワード: '.length);
  const user = await db('users').join('wards', 'wards.id', 'users.ward_id').where({ username: 'higashi1' }).first('users.*', 'wards.name as ward');
  expect(user.ward).toBe('東区');
  expect(user.must_change_password).toBe(true);
  expect(await verifyPassword(user.password_hash, password)).toBe(true);
  expect(await db('audit_log').where({ action: 'user.create', record_id: String(user.id) }).first()).toBeTruthy();
});

test('user:create refuses bad input with a Japanese message', async () => {
  await expect(run('user:create', ['--username', 'x', '--role', 'staff'])).rejects.toThrow(CliError);
  await expect(run('user:create', ['--username', 'wardless', '--role', 'ward'])).rejects.toThrow(/--ward/);
  await expect(run('user:create', ['--username', 'staffw', '--role', 'staff', '--ward', '東区'])).rejects.toThrow(/--role ward/);
  await expect(run('user:create', ['--username', 'weak1', '--role', 'staff', '--password', 'password1'])).rejects.toThrow(/よく使われる/);
  await expect(run('user:create', ['--username', 'boss', '--role', 'king'])).rejects.toThrow(/--role/);
  expect(await db('users').whereIn('username', ['x', 'wardless', 'staffw', 'weak1', 'boss']).count({ n: '*' })).toEqual([{ n: 0 }]);
});

test('user:reset prints a new one-time password, ends sessions and lifts a lock', async () => {
  await run('user:create', ['--username', 'staff9', '--role', 'staff', '--password', 'a fine long passphrase']);
  const user = await db('users').where({ username: 'staff9' }).first();
  await db('sessions').insert({ sid: 's1', sess: '{}', user_id: user.id, expires_at: new Date(Date.now() + 60_000), touched_at: new Date() });
  await db('account_locks').insert({ username: 'staff9', locked_until: new Date(Date.now() + 60_000) });
  out = [];
  expect(await run('user:reset', ['--username', 'staff9'])).toBe(0);
  const password = out.find((l) => l.startsWith('仮パスワード: '))!.slice('仮パスワード: '.length);
  const after = await db('users').where({ id: user.id }).first();
  expect(await verifyPassword(after.password_hash, password)).toBe(true);
  expect(await verifyPassword(after.password_hash, 'a fine long passphrase')).toBe(false);
  expect(after.must_change_password).toBe(true);
  expect(await db('sessions').where({ user_id: user.id })).toHaveLength(0);
  expect(await db('account_locks').where({ username: 'staff9' })).toHaveLength(0);
  await expect(run('user:reset', ['--username', 'ghost'])).rejects.toThrow(CliError);
});
