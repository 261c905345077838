import { AppDeps } from '../deps';
import { AuditEntry, writeAudit } from '../audit/audit-writer';
import { LOGIN_MESSAGES } from './authenticate';
import { attemptFailed, attemptSucceeded, beginAttempt, userSubject } from './throttle';
import { findUserById, UserRow } from './users-queries';
import { acceptStep, findTotp, useRecoveryCode } from './two-factor-queries';
import { isTotpShaped, matchTotpStep, normalizeTotpInput } from './totp';

export const SECOND_FACTOR_MESSAGES = {
  required: '確認コードを入力してください。',
  wrong: '確認コードが正しくありません。認証アプリに表示されている最新のコード、または未使用の回復コードを入力してください。',
  expired: '確認コードの入力期限（5分）が過ぎました。もう一度ログインしてください。',
} as const;

/** How long the password step stays good for entering the code. */
export const PENDING_MS = 5 * 60_000;

export type SecondFactorResult =
  | { ok: true; user: UserRow; method: 'totp' | 'recovery' }
  /** end: the pending login is over (locked, or the user no longer exists / is disabled / lost 2FA). */
  | { ok: false; end: boolean; message: string };

/** A TOTP code for a step later than the last accepted one, or an unused recovery code. */
type Accepted = { method: 'totp'; recoveryCodeId: null } | { method: 'recovery'; recoveryCodeId: number };

async function checkCode(deps: AppDeps, user: UserRow, input: string, now: Date): Promise<Accepted | null> {
  const { db } = deps;
  const code = normalizeTotpInput(input);
  if (isTotpShaped(code)) {
    const totp = await findTotp(db, user.id);
    const step = totp ? matchTotpStep(totp.secret, code, now) : null;
    return step !== null && (await acceptStep(db, user.id, step)) ? { method: 'totp', recoveryCodeId: null } : null;
  }
  const id = await useRecoveryCode(db, user.id, input, now);
  return id === null ? null : { method: 'recovery', recoveryCodeId: id };
}

/**
 * The second step of login. Shares the account and address lock with the password step:
 * a locked account is refused even with the right code, every wrong code counts as a
 * failure, and success clears the account's failures. Every outcome is audited.
 */
export async function verifySecondFactor(
  deps: AppDeps, userId: number, input: string, ctx: { ip: string; requestId: string },
): Promise<SecondFactorResult> {
  const { db, clock } = deps;
  const now = clock.now();
  const user = await findUserById(db, userId);
  if (!user || user.disabled_at || !user.two_factor_enrolled) return { ok: false, end: true, message: LOGIN_MESSAGES.failed };
  const who: Omit<AuditEntry, 'action'> = { actorId: user.id, actorUsername: user.username, ip: ctx.ip, requestId: ctx.requestId };
  const subject = userSubject(user.id);
  const attempt = await beginAttempt(db, subject, ctx.ip, now);
  if (attempt.refused) {
    if (attempt.refused === 'account' || attempt.firstRefusal) await writeAudit(db, now, { ...who, action: attempt.refused === 'account' ? 'login.locked' : 'login.address_limited' });
    return { ok: false, end: true, message: LOGIN_MESSAGES.locked };
  }
  const accepted = await checkCode(deps, user, input, now);
  if (!accepted) {
    const nowLocked = await attemptFailed(db, subject, ctx.ip, now);
    await writeAudit(db, now, { ...who, action: 'login.2fa_failure' });
    if (nowLocked) await writeAudit(db, now, { ...who, action: 'login.lock' });
    return nowLocked ? { ok: false, end: true, message: LOGIN_MESSAGES.locked } : { ok: false, end: false, message: SECOND_FACTOR_MESSAGES.wrong };
  }
  await attemptSucceeded(db, subject, ctx.ip, true);
  await writeAudit(db, now, accepted.method === 'recovery'
    ? { ...who, action: 'login.2fa_success', recordType: 'recovery_code', recordId: accepted.recoveryCodeId }
    : { ...who, action: 'login.2fa_success', recordType: 'user', recordId: user.id });
  await writeAudit(db, now, { ...who, action: 'login.success' });
  return { ok: true, user, method: accepted.method };
}
