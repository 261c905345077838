import session from 'express-session';
import { Db } from '../db/knex';
import { Clock } from '../clock';

const TOUCH_INTERVAL_MS = 60_000;

type Callback = (err?: unknown, data?: session.SessionData | null) => void;

/**
 * Sessions in the database (works on PostgreSQL and PGlite through the shared knex).
 * A session is written when it changes; an unchanged one is touched at most once a minute.
 * user_id is kept in its own column so a disabled user's sessions can be killed at once.
 */
export class DbSessionStore extends session.Store {
  constructor(private readonly db: Db, private readonly clock: Clock, private readonly idleMs: number) {
    super();
  }

  private expiry(): Date {
    return new Date(this.clock.now().getTime() + this.idleMs);
  }

  get(sid: string, cb: Callback): void {
    this.db('sessions').where({ sid }).where('expires_at', '>', this.clock.now()).first('sess')
      .then((row) => cb(null, row ? (row.sess as session.SessionData) : null), cb);
  }

  set(sid: string, sess: session.SessionData, cb?: (err?: unknown) => void): void {
    const now = this.clock.now();
    const userId = (sess as { passport?: { user?: number } }).passport?.user ?? null;
    const row = { sid, sess: JSON.stringify(sess), user_id: userId, expires_at: this.expiry(), touched_at: now };
    this.db('sessions').insert(row).onConflict('sid').merge()
      .then(() => cb?.(), (err) => cb?.(err));
  }

  touch(sid: string, _sess: session.SessionData, cb?: (err?: unknown) => void): void {
    const now = this.clock.now();
    this.db('sessions').where({ sid }).where('touched_at', '<', new Date(now.getTime() - TOUCH_INTERVAL_MS))
      .update({ expires_at: this.expiry(), touched_at: now })
      .then(() => cb?.(), (err) => cb?.(err));
  }

  destroy(sid: string, cb?: (err?: unknown) => void): void {
    this.db('sessions').where({ sid }).del().then(() => cb?.(), (err) => cb?.(err));
  }

  /** Removes expired rows; called on a timer by the server. */
  prune(): Promise<number> {
    return this.db('sessions').where('expires_at', '<=', this.clock.now()).del();
  }
}

export function destroyUserSessions(db: Db, userId: number): Promise<number> {
  return db('sessions').where({ user_id: userId }).del();
}
