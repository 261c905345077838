import { Db } from '../db/knex';

export const ACCOUNT_MAX_FAILURES = 5;
export const ADDRESS_MAX_FAILURES = 50;
export const WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;

const key = (username: string) => username.trim().toLowerCase();

/** Is this account or address locked out right now? Kept in the database: survives restarts. */
export async function lockState(db: Db, username: string, ip: string, now: Date): Promise<'account' | 'address' | null> {
  const lock = await db('account_locks').where({ username: key(username) }).where('locked_until', '>', now).first();
  if (lock) return 'account';
  const since = new Date(now.getTime() - WINDOW_MS);
  const [{ n }] = await db('login_failures').where({ ip }).where('at', '>', since).count({ n: '*' });
  return Number(n) >= ADDRESS_MAX_FAILURES ? 'address' : null;
}

/** Records a failure; returns true when this failure locks the account. */
export async function recordFailure(db: Db, username: string, ip: string, now: Date): Promise<boolean> {
  const u = key(username);
  await db('login_failures').insert({ username: u, ip, at: now });
  const since = new Date(now.getTime() - WINDOW_MS);
  const [{ n }] = await db('login_failures').where({ username: u }).where('at', '>', since).count({ n: '*' });
  if (Number(n) < ACCOUNT_MAX_FAILURES) return false;
  const lockedUntil = new Date(now.getTime() + LOCK_MS);
  await db('account_locks').insert({ username: u, locked_until: lockedUntil }).onConflict('username').merge();
  return true;
}

export async function clearFailures(db: Db, username: string): Promise<void> {
  await db('login_failures').where({ username: key(username) }).del();
  await db('account_locks').where({ username: key(username) }).del();
}
