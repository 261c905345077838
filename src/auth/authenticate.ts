import { AppDeps } from '../deps';
import { writeAudit } from '../audit/audit-writer';
import { createGate } from '../lib/gate';
import { HASH_THREADS } from './hash-threads';
import { verifyAgainstDummy, verifyPassword } from './passwords';
import { clearFailures, lockState, recordFailure } from './throttle';
import { findUserByUsername, UserRow } from './users-queries';

export const LOGIN_MESSAGES = {
  failed: 'ユーザー名またはパスワードが正しくありません。',
  locked: 'ログインの失敗が続いたため、一時的にログインできません。しばらくしてからお試しください。',
} as const;

export type AuthResult = { ok: true; user: UserRow; secondFactor: boolean } | { ok: false; message: string };

/**
 * The password step of login: throttle by account and address, verify with argon2id,
 * audit every outcome. The message never says whether the user exists. A user with a
 * second factor is not done yet (secondFactor: true; see second-factor.ts).
 */
export function authenticate(deps: AppDeps, username: string, password: string, ctx: { ip: string; requestId: string }): Promise<AuthResult> {
  return loginGate(() => checkPassword(deps, username, password, ctx));
}

/**
 * A burst of logins takes its turn: the attempts beyond one per hashing thread (plus one reading
 * the database) wait before touching the database, instead of queueing dozens of queries ahead of
 * the pages of people already at work.
 */
const loginGate = createGate(HASH_THREADS + 1);

async function checkPassword(deps: AppDeps, username: string, password: string, ctx: { ip: string; requestId: string }): Promise<AuthResult> {
  const { db, clock } = deps;
  const now = clock.now();
  const who = { actorUsername: username.slice(0, 64), ip: ctx.ip, requestId: ctx.requestId };
  const locked = await lockState(db, username, ctx.ip, now);
  if (locked) {
    await writeAudit(db, now, { ...who, action: locked === 'account' ? 'login.locked' : 'login.address_limited' });
    return { ok: false, message: LOGIN_MESSAGES.locked };
  }
  const user = await findUserByUsername(db, username);
  const valid = user && !user.disabled_at ? await verifyPassword(user.password_hash, password) : (await verifyAgainstDummy(password), false);
  if (!valid || !user) {
    const nowLocked = await recordFailure(db, username, ctx.ip, now);
    await writeAudit(db, now, { ...who, actorId: user?.id ?? null, action: 'login.failure' });
    if (nowLocked) await writeAudit(db, now, { ...who, actorId: user?.id ?? null, action: 'login.lock' });
    return { ok: false, message: nowLocked ? LOGIN_MESSAGES.locked : LOGIN_MESSAGES.failed };
  }
  if (user.two_factor_enrolled) {
    // Not logged in yet: earlier failures stay counted, so that password and code guesses
    // together still meet the lock. They are cleared when the second factor succeeds.
    await writeAudit(db, now, { ...who, actorId: user.id, action: 'login.2fa_challenge' });
    return { ok: true, user, secondFactor: true };
  }
  await clearFailures(db, username);
  await writeAudit(db, now, { ...who, actorId: user.id, action: 'login.success' });
  return { ok: true, user, secondFactor: false };
}
