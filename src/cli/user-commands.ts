import { parseArgs } from 'node:util';
import { CliCommand, CliContext, CliError } from './command';
import { ROLES, Role } from '../policy';
import { checkPassword } from '../auth/password-policy';
import { generatePassword, hashPassword } from '../auth/passwords';
import { findUserByUsername, insertUser } from '../auth/users-queries';
import { writeAudit } from '../audit/audit-writer';
import { removeTwoFactor } from '../auth/two-factor-queries';
import { clearAttempts } from '../auth/throttle';
import { ANY_VERSION, inTransaction, updateVersioned } from '../db/tx';

function parse(args: string[], options: Record<string, { type: 'string' }>) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values as Record<string, string | undefined>;
  } catch (e) {
    throw new CliError((e as Error).message);
  }
}

async function create(args: string[], ctx: CliContext): Promise<number> {
  const v = parse(args, { username: { type: 'string' }, role: { type: 'string' }, ward: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } });
  if (!v.username || !/^[A-Za-z0-9._-]{3,64}$/.test(v.username)) throw new CliError('--username は半角英数字と . _ - で3〜64文字で指定してください');
  if (!v.role || !ROLES.includes(v.role as Role)) throw new CliError(`--role は ${ROLES.join(' / ')} のいずれかを指定してください`);
  let wardId: number | null = null;
  if (v.role === 'ward') {
    const ward = v.ward ? await ctx.db('wards').where({ name: v.ward }).whereNull('retired_at').first('id') : null;
    if (!ward) throw new CliError('区役所職員には --ward で区（中央区・東区・西区・南区・北区など）を指定してください');
    wardId = ward.id;
  } else if (v.ward) {
    throw new CliError('--ward を指定できるのは --role ward のときだけです');
  }
  if (await findUserByUsername(ctx.db, v.username)) throw new CliError(`ユーザー ${v.username} は既に存在します`);
  const password = v.password ?? generatePassword();
  const problem = checkPassword(password, v.username);
  if (problem) throw new CliError(`--password: ${problem}`);
  const id = await insertUser(ctx.db, {
    username: v.username, display_name: v.name ?? v.username, role: v.role as Role, ward_id: wardId,
    password_hash: await hashPassword(password), must_change_password: true,
  }, null);
  await writeAudit(ctx.db, ctx.clock.now(), { action: 'user.create', recordType: 'user', recordId: id, actorUsername: 'cli' });
  ctx.out(`ユーザー ${v.username}（${v.role}${v.ward ? ` ${v.ward}` : ''}）を作成しました。`);
  if (!v.password) ctx.out(`仮パスワード: ${password}`);
  ctx.out('初回ログイン時にパスワードの変更が必要です。');
  return 0;
}

async function reset(args: string[], ctx: CliContext): Promise<number> {
  const v = parse(args, { username: { type: 'string' } });
  const user = v.username ? await findUserByUsername(ctx.db, v.username) : undefined;
  if (!user) throw new CliError('--username で存在するユーザーを指定してください');
  const password = generatePassword();
  await inTransaction(ctx.db, async (trx) => {
    await updateVersioned(trx, 'users', user.id, ANY_VERSION, { password_hash: await hashPassword(password), must_change_password: true, updated_at: ctx.clock.now() });
    await trx('sessions').where({ user_id: user.id }).del();
    await clearAttempts(trx, user.id);
    await writeAudit(trx, ctx.clock.now(), { action: 'user.password_reset', recordType: 'user', recordId: user.id, actorUsername: 'cli' });
  });
  ctx.out(`ユーザー ${user.username} のパスワードを再設定しました。`);
  ctx.out(`仮パスワード: ${password}`);
  ctx.out('次回ログイン時に変更が必要です。');
  return 0;
}

/** For a user who lost both the authenticator and the recovery codes (e.g. the only administrator). */
async function resetTwoFactor(args: string[], ctx: CliContext): Promise<number> {
  const v = parse(args, { username: { type: 'string' } });
  const user = v.username ? await findUserByUsername(ctx.db, v.username) : undefined;
  if (!user) throw new CliError('--username で存在するユーザーを指定してください');
  const had = await inTransaction(ctx.db, async (trx) => {
    const removed = await removeTwoFactor(trx, user.id);
    await trx('sessions').where({ user_id: user.id }).del();
    await writeAudit(trx, ctx.clock.now(), { action: 'user.2fa_reset', recordType: 'user', recordId: user.id, actorUsername: 'cli' });
    return removed;
  });
  ctx.out(had ? `ユーザー ${user.username} の二段階認証を解除しました。次回ログイン時に設定し直します。` : `ユーザー ${user.username} は二段階認証を設定していません。`);
  return 0;
}

export const userCommands: Record<string, CliCommand> = {
  'user:create': { usage: '--username NAME --role admin|staff|ward|manager [--ward 東区] [--password PW] [--name 表示名]', run: create },
  'user:reset': { usage: '--username NAME   (仮パスワードを表示します)', run: reset },
  'user:reset-2fa': { usage: '--username NAME   (二段階認証を解除し、次回ログインで設定し直させます)', run: resetTwoFactor },
};
