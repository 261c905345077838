import { Knex } from 'knex';

export const ACCOUNT_MAX_FAILURES = 5;
export const ADDRESS_MAX_FAILURES = 50;
export const WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;

type Db = Knex | Knex.Transaction;

/** Whose attempts are counted: a user (by id), a name no user has (keyed hash), an address. */
export const userSubject = (id: number) => `user:${id}`;
export const nameSubject = (marker: string) => `name:${marker}`;
const ipSubject = (ip: string) => `ip:${ip}`;

interface Counter { attempts: number; lockedUntil: Date | null }

/**
 * Counts one attempt, atomically, before anything is checked: a window older than WINDOW_MS
 * (and not locked) starts again at 1. Parallel requests on any number of instances each get
 * their own number, so no more than the limit are ever checked.
 */
const BUMP_SQL = `insert into login_attempts as a (subject, attempts, window_start) values (?, 1, ?)
  on conflict (subject) do update set
    attempts = case when a.window_start <= ? and (a.locked_until is null or a.locked_until <= ?) then 1 else a.attempts + 1 end,
    window_start = case when a.window_start <= ? and (a.locked_until is null or a.locked_until <= ?) then excluded.window_start else a.window_start end,
    locked_until = case when a.window_start <= ? and (a.locked_until is null or a.locked_until <= ?) then null else a.locked_until end
  returning attempts, locked_until`;

async function bump(db: Db, subject: string, now: Date): Promise<Counter> {
  const since = new Date(now.getTime() - WINDOW_MS);
  const { rows } = await db.raw(BUMP_SQL, [subject, now, since, now, since, now, since, now]);
  return { attempts: Number(rows[0].attempts), lockedUntil: rows[0].locked_until };
}

const over = (c: Counter, max: number, now: Date) => (c.lockedUntil !== null && c.lockedUntil > now) || c.attempts > max;

export interface Attempt {
  /** Why this attempt may not even be checked. */
  refused: 'account' | 'address' | null;
  /** The first refusal of this lock (audit that one, not every retry of a script). */
  firstRefusal: boolean;
}

/** Counts an attempt for the address, then for the subject; refuses past either limit. */
export async function beginAttempt(db: Db, subject: string, ip: string, now: Date): Promise<Attempt> {
  const address = await bump(db, ipSubject(ip), now);
  if (over(address, ADDRESS_MAX_FAILURES, now)) {
    return { refused: 'address', firstRefusal: address.attempts === ADDRESS_MAX_FAILURES + 1 };
  }
  const account = await bump(db, subject, now);
  if (over(account, ACCOUNT_MAX_FAILURES, now)) {
    return { refused: 'account', firstRefusal: account.attempts === ACCOUNT_MAX_FAILURES + 1 };
  }
  return { refused: null, firstRefusal: false };
}

/** The counted attempt failed: it stays counted; returns true when it is the one that locks the subject. */
export async function attemptFailed(db: Db, subject: string, ip: string, now: Date): Promise<boolean> {
  const until = new Date(now.getTime() + LOCK_MS);
  await db('login_attempts').where({ subject: ipSubject(ip) }).where('attempts', '>=', ADDRESS_MAX_FAILURES)
    .whereNull('locked_until').update({ locked_until: until });
  const n = await db('login_attempts').where({ subject }).where('attempts', '>=', ACCOUNT_MAX_FAILURES)
    .where((q) => q.whereNull('locked_until').orWhere('locked_until', '<=', now)).update({ locked_until: until });
  return n > 0;
}

/**
 * The counted attempt succeeded. A finished login clears the subject; a password that only opens
 * the second step gives its count back (earlier failures stay until the code is right). The address
 * counts failures only, so it gets this attempt back either way.
 */
export async function attemptSucceeded(db: Db, subject: string, ip: string, finished: boolean): Promise<void> {
  await giveBack(db, ipSubject(ip));
  if (finished) await db('login_attempts').where({ subject }).del();
  else await giveBack(db, subject);
}

/** One attempt less; a counter back at zero is removed rather than kept. */
async function giveBack(db: Db, subject: string): Promise<void> {
  const removed = await db('login_attempts').where({ subject }).where('attempts', '<=', 1).whereNull('locked_until').del();
  if (!removed) await db('login_attempts').where({ subject }).where('attempts', '>', 1).decrement('attempts', 1);
}

/** An administrator's reset: the user's lock and count are gone. */
export async function clearAttempts(db: Db, userId: number): Promise<void> {
  await db('login_attempts').where({ subject: userSubject(userId) }).del();
}
