import { Request } from 'express';
import { audit } from '../../audit/audit-writer';
import { generateRecoveryCodes } from '../../auth/recovery-codes';
import { insertEnrolment, removeTwoFactor } from '../../auth/two-factor-queries';
import { inTransaction } from '../../db/tx';

/**
 * Storing the secret: plainly in user_totp.secret, not encrypted with a key derived from
 * SESSION_SECRET. That secret is random per start in development and is rotated in production;
 * every enrolment (the admins' first of all) would become unreadable and lock its owner out.
 * A separate key kept outside the database would be the way to encrypt; until there is one,
 * the secret is protected like the rest of this database (which holds far more sensitive data),
 * is useless without the password, is never logged, and is never shown again after enrolment.
 */

/** Confirmed enrolment: the secret, ten hashed recovery codes and the audit row, in one transaction. */
export async function enrolTwoFactor(req: Request, secret: string, step: number): Promise<string[] | 'already'> {
  const { db, clock } = req.deps;
  const userId = req.user!.id;
  const codes = generateRecoveryCodes();
  const done = await inTransaction(db, async (trx) => {
    if (!(await insertEnrolment(trx, userId, secret, step, codes, clock.now()))) return false;
    await audit(req, 'user.2fa_enrol', 'user', userId, trx);
    return true;
  });
  return done ? codes : 'already';
}

/** A user turns off their own second factor (only where their role does not require it). */
export async function disableOwnTwoFactor(req: Request): Promise<void> {
  const userId = req.user!.id;
  await inTransaction(req.deps.db, async (trx) => {
    if (await removeTwoFactor(trx, userId)) await audit(req, 'user.2fa_disable', 'user', userId, trx);
  });
}

/**
 * An admin removes a user's second factor and recovery codes and ends their sessions; if their
 * role requires one they enrol again at next login. Returns false if there was nothing to remove.
 */
export async function resetTwoFactor(req: Request, userId: number): Promise<boolean> {
  return inTransaction(req.deps.db, async (trx) => {
    const removed = await removeTwoFactor(trx, userId);
    if (!removed) return false;
    await trx('sessions').where({ user_id: userId }).del();
    await audit(req, 'user.2fa_reset', 'user', userId, trx);
    return true;
  });
}
