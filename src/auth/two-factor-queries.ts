import { Knex } from 'knex';
import { Db } from '../db/knex';
import { hashRecoveryCode, normalizeRecoveryCode, recoveryCodeMatches } from './recovery-codes';

type Q = Db | Knex.Transaction;

export interface TotpRow {
  user_id: number;
  secret: string;
  last_step: number | null;
  enrolled_at: Date;
}

export function findTotp(db: Q, userId: number): Promise<TotpRow | undefined> {
  return db('user_totp').where({ user_id: userId }).first();
}

/**
 * Accepts a time-step once: only a step later than the last accepted one is taken, in one
 * statement, so two requests racing with the same code cannot both win.
 */
export async function acceptStep(db: Q, userId: number, step: number): Promise<boolean> {
  const n = await db('user_totp').where({ user_id: userId })
    .where((w) => w.whereNull('last_step').orWhere('last_step', '<', step))
    .update({ last_step: step });
  return n === 1;
}

/**
 * Stores a confirmed enrolment and its recovery codes (hashed). Returns false when the user
 * was already enrolled (another tab finished first); nothing is written then.
 */
export async function insertEnrolment(
  trx: Knex.Transaction, userId: number, secret: string, step: number, codes: string[], now: Date,
): Promise<boolean> {
  const inserted = await trx('user_totp')
    .insert({ user_id: userId, secret, last_step: step, enrolled_at: now })
    .onConflict('user_id').ignore().returning('user_id');
  if (inserted.length === 0) return false;
  await trx('user_recovery_codes').insert(codes.map((code) => {
    const { salt, hash } = hashRecoveryCode(normalizeRecoveryCode(code)!);
    return { user_id: userId, salt, code_hash: hash, created_at: now };
  }));
  return true;
}

/** Uses a recovery code: the matching unused one is marked used, once. Returns its id. */
export async function useRecoveryCode(db: Q, userId: number, input: string, now: Date): Promise<number | null> {
  const code = normalizeRecoveryCode(input);
  if (!code) return null;
  const rows: { id: number; salt: string; code_hash: string }[] = await db('user_recovery_codes')
    .where({ user_id: userId }).whereNull('used_at').select('id', 'salt', 'code_hash');
  const match = rows.find((r) => recoveryCodeMatches(code, r.salt, r.code_hash));
  if (!match) return null;
  const n = await db('user_recovery_codes').where({ id: match.id }).whereNull('used_at').update({ used_at: now });
  return n === 1 ? match.id : null;
}

export async function countUnusedRecoveryCodes(db: Q, userId: number): Promise<number> {
  const [{ n }] = await db('user_recovery_codes').where({ user_id: userId }).whereNull('used_at').count({ n: '*' });
  return Number(n);
}

/** Removes a user's second factor and every recovery code. Returns true if there was one. */
export async function removeTwoFactor(trx: Knex.Transaction, userId: number): Promise<boolean> {
  await trx('user_recovery_codes').where({ user_id: userId }).del();
  return (await trx('user_totp').where({ user_id: userId }).del()) > 0;
}
