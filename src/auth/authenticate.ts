import { AppDeps } from '../deps';
import { writeAudit } from '../audit/audit-writer';
import { createGate } from '../lib/gate';
import { HASH_THREADS } from './hash-threads';
import { verifyAgainstDummy, verifyPassword } from './passwords';
import { attemptFailed, attemptSucceeded, beginAttempt, nameSubject, userSubject } from './throttle';
import { unknownNameMarker } from './login-key';
import { findUserByUsername, UserRow } from './users-queries';

export const LOGIN_MESSAGES = {
  failed: 'ユーザー名またはパスワードが正しくありません。',
  locked: 'ログインの失敗が続いたため、一時的にログインできません。しばらくしてからお試しください。',
} as const;

export type AuthResult = { ok: true; user: UserRow; secondFactor: boolean } | { ok: false; message: string };

/**
 * The password step of login: count the attempt by account and address, verify with argon2id,
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
  const user = await findUserByUsername(db, username);
  // Known users are counted by id; a name no user has by its keyed hash, which is also all the
  // audit log keeps of it (what was typed may be a password).
  const subject = user ? userSubject(user.id) : nameSubject(await unknownNameMarker(db, username));
  const who = { actorId: user?.id ?? null, actorUsername: user?.username ?? subject.slice(5), ip: ctx.ip, requestId: ctx.requestId };
  const attempt = await beginAttempt(db, subject, ctx.ip, now);
  if (attempt.refused) {
    // A locked account's every attempt is audited; an address over its limit only the first time
    // (a script at one address would otherwise write the log full).
    if (attempt.refused === 'account' || attempt.firstRefusal) {
      await writeAudit(db, now, { ...who, action: attempt.refused === 'account' ? 'login.locked' : 'login.address_limited' });
    }
    return { ok: false, message: LOGIN_MESSAGES.locked };
  }
  const valid = user && !user.disabled_at ? await verifyPassword(user.password_hash, password) : (await verifyAgainstDummy(password), false);
  if (!valid || !user) {
    const nowLocked = await attemptFailed(db, subject, ctx.ip, now);
    await writeAudit(db, now, { ...who, action: 'login.failure' });
    if (nowLocked) await writeAudit(db, now, { ...who, action: 'login.lock' });
    return { ok: false, message: nowLocked ? LOGIN_MESSAGES.locked : LOGIN_MESSAGES.failed };
  }
  if (user.two_factor_enrolled) {
    // Not logged in yet: earlier failures stay counted, so that password and code guesses
    // together still meet the lock. They are cleared when the second factor succeeds.
    await attemptSucceeded(db, subject, ctx.ip, false);
    await writeAudit(db, now, { ...who, action: 'login.2fa_challenge' });
    return { ok: true, user, secondFactor: true };
  }
  await attemptSucceeded(db, subject, ctx.ip, true);
  await writeAudit(db, now, { ...who, action: 'login.success' });
  return { ok: true, user, secondFactor: false };
}
