import { Db } from '../db/knex';

/** How long a token is remembered: a repeat after this creates a new record. */
export const KEEP_MS = 24 * 60 * 60 * 1000;
/** A claim still unanswered after this was left by a request that died (crash, restart): it may be taken over. */
export const STALE_MS = 60 * 1000;

export interface Submission { token: string; user_id: number; created_at: Date; result_location: string | null }

/** Claims a token for this user; false when it was already claimed (by this or another request). */
export async function claimToken(db: Db, token: string, userId: number, now: Date): Promise<boolean> {
  await db('form_submissions').where('created_at', '<', new Date(now.getTime() - KEEP_MS)).del();
  const rows = await db('form_submissions')
    .insert({ token, user_id: userId, created_at: now })
    .onConflict('token').ignore()
    .returning('token');
  return rows.length === 1;
}

export function findSubmission(db: Db, token: string): Promise<Submission | undefined> {
  return db('form_submissions').where({ token }).first();
}

/** The first request answered with a redirect: repeats go there too. */
export async function recordLocation(db: Db, token: string, location: string): Promise<void> {
  await db('form_submissions').where({ token }).update({ result_location: location });
}

/** The first request did not succeed (re-rendered form, error): the same token may be sent again. */
export async function releaseToken(db: Db, token: string): Promise<void> {
  await db('form_submissions').where({ token }).whereNull('result_location').del();
}

/** Drops a claim left unanswered for too long, so that a repeat can proceed; true when it did. */
export async function dropStale(db: Db, token: string, now: Date): Promise<boolean> {
  const n = await db('form_submissions').where({ token }).whereNull('result_location')
    .where('created_at', '<', new Date(now.getTime() - STALE_MS)).del();
  return n === 1;
}
