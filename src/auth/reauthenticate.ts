import { Request, Response } from 'express';
import { writeAudit } from '../audit/audit-writer';
import { destroyUserSessions } from '../http/session-store';
import { verifyPassword } from './passwords';
import { attemptFailed, attemptSucceeded, beginAttempt, userSubject } from './throttle';
import { findUserById } from './users-queries';

export type Reauth = 'ok' | 'wrong' | 'locked';

/**
 * A signed-in user types their password again (to change it, to turn off two-factor). Counted,
 * locked and audited exactly like a login, so a borrowed session cannot guess at leisure; when
 * the guesses lock the account, every session of the user ends.
 */
export async function confirmPassword(req: Request, typed: string): Promise<Reauth> {
  const { db, clock } = req.deps;
  const now = clock.now();
  const user = (await findUserById(db, req.user!.id))!;
  const subject = userSubject(user.id);
  const ip = req.ip ?? '';
  const who = { actorId: user.id, actorUsername: user.username, ip, requestId: req.id, recordType: 'user', recordId: user.id };
  const attempt = await beginAttempt(db, subject, ip, now);
  if (attempt.refused) {
    if (attempt.refused === 'account' || attempt.firstRefusal) await writeAudit(db, now, { ...who, action: attempt.refused === 'account' ? 'login.locked' : 'login.address_limited' });
    await destroyUserSessions(db, user.id);
    return 'locked';
  }
  if (await verifyPassword(user.password_hash, typed)) {
    await attemptSucceeded(db, subject, ip, true);
    return 'ok';
  }
  const nowLocked = await attemptFailed(db, subject, ip, now);
  await writeAudit(db, now, { ...who, action: 'user.reauth_failure' });
  if (!nowLocked) return 'wrong';
  await writeAudit(db, now, { ...who, action: 'login.lock' });
  await destroyUserSessions(db, user.id);
  return 'locked';
}

/** After a lock: this session ends too, and the login page says why. */
export function signOutLocked(req: Request, res: Response): void {
  req.logout(() => req.session.destroy(() => res.redirect(303, '/login?locked=1')));
}
