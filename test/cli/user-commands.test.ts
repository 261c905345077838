import { useTestDatabase } from '../helpers/suite';
import { cliContext } from '../helpers/cli';
import { userCommands } from '../../src/cli/user-commands';
import { CliContext, CliError } from '../../src/cli/command';
import { verifyPassword } from '../../src/auth/passwords';

const t = useTestDatabase();
let out: string[];
let ctx: CliContext;
beforeEach(() => {
  out = [];
  ctx = cliContext(t.db, (s) => out.push(s));
});

const run = (name: string, args: string[]) => userCommands[name].run(args, ctx);

test('user:create makes a ward user with a generated one-time password that must be changed', async () => {
  expect(await run('user:create', ['--username', 'higashi1', '--role', 'ward', '--ward', '東区'])).toBe(0);
  const password = out.find((l) => l.startsWith('仮パスワード: '))!.slice('仮パスワード: '.length);
  const user = await t.db('users').join('wards', 'wards.id', 'users.ward_id').where({ username: 'higashi1' }).first('users.*', 'wards.name as ward');
  expect(user.ward).toBe('東区');
  expect(user.must_change_password).toBe(true);
  expect(await verifyPassword(user.password_hash, password)).toBe(true);
  expect(await t.db('audit_log').where({ action: 'user.create', record_id: String(user.id) }).first()).toBeTruthy();
});

test('user:create refuses bad input with a Japanese message', async () => {
  await expect(run('user:create', ['--username', 'x', '--role', 'staff'])).rejects.toThrow(CliError);
  await expect(run('user:create', ['--username', 'wardless', '--role', 'ward'])).rejects.toThrow(/--ward/);
  await expect(run('user:create', ['--username', 'staffw', '--role', 'staff', '--ward', '東区'])).rejects.toThrow(/--role ward/);
  await expect(run('user:create', ['--username', 'weak1', '--role', 'staff', '--password', 'password1'])).rejects.toThrow(/よく使われる/);
  await expect(run('user:create', ['--username', 'boss', '--role', 'king'])).rejects.toThrow(/--role/);
  expect(await t.db('users').whereIn('username', ['x', 'wardless', 'staffw', 'weak1', 'boss']).count({ n: '*' })).toEqual([{ n: 0 }]);
});

test('user:reset prints a new one-time password, ends sessions and lifts a lock', async () => {
  await run('user:create', ['--username', 'staff9', '--role', 'staff', '--password', 'a fine long passphrase']);
  const user = await t.db('users').where({ username: 'staff9' }).first();
  await t.db('sessions').insert({ sid: 's1', sess: '{}', user_id: user.id, expires_at: new Date(Date.now() + 60_000), touched_at: new Date() });
  await t.db('login_attempts').insert({ subject: `user:${user.id}`, attempts: 5, window_start: new Date(), locked_until: new Date(Date.now() + 60_000) });
  out = [];
  expect(await run('user:reset', ['--username', 'staff9'])).toBe(0);
  const password = out.find((l) => l.startsWith('仮パスワード: '))!.slice('仮パスワード: '.length);
  const after = await t.db('users').where({ id: user.id }).first();
  expect(await verifyPassword(after.password_hash, password)).toBe(true);
  expect(await verifyPassword(after.password_hash, 'a fine long passphrase')).toBe(false);
  expect(after.must_change_password).toBe(true);
  expect(await t.db('sessions').where({ user_id: user.id })).toHaveLength(0);
  expect(await t.db('login_attempts').where({ subject: `user:${user.id}` })).toHaveLength(0);
  await expect(run('user:reset', ['--username', 'ghost'])).rejects.toThrow(CliError);
});

test('user:reset-2fa removes the second factor and its recovery codes, ends sessions, and is audited', async () => {
  await run('user:create', ['--username', 'mgr2fa', '--role', 'manager', '--password', 'a fine long passphrase']);
  const user = await t.db('users').where({ username: 'mgr2fa' }).first();
  await t.db('user_totp').insert({ user_id: user.id, secret: 'JBSWY3DPEHPK3PXP', enrolled_at: new Date() });
  await t.db('sessions').insert({ sid: 's2', sess: '{}', user_id: user.id, expires_at: new Date(Date.now() + 60_000), touched_at: new Date() });
  out = [];
  expect(await run('user:reset-2fa', ['--username', 'mgr2fa'])).toBe(0);
  expect(out.join('\n')).toContain('二段階認証を解除しました');
  expect(await t.db('user_totp').where({ user_id: user.id })).toHaveLength(0);
  expect(await t.db('sessions').where({ user_id: user.id })).toHaveLength(0);
  expect(await t.db('audit_log').where({ action: 'user.2fa_reset', record_id: String(user.id) })).toHaveLength(1);
  await expect(run('user:reset-2fa', ['--username', 'ghost'])).rejects.toThrow(CliError);
});
