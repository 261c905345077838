import { Db } from './knex';

interface RawPg {
  query(sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  on(event: 'error', listener: (err: Error) => void): void;
}

/**
 * Runs work while this process holds a PostgreSQL advisory lock (per database) on a connection
 * of its own, outside the pool, so work may use every pooled connection. Another process asking
 * for the same key waits (onWait tells it so). If this process dies, its connection closes and
 * PostgreSQL releases the lock: nothing is left behind to clear by hand.
 */
export async function withAdvisoryLock<T>(db: Db, key: bigint, onWait: () => void, work: () => Promise<T>): Promise<T> {
  const conn = (await db.client.acquireRawConnection()) as RawPg;
  conn.on('error', () => { /* the lock went with the connection; the work's own queries report their errors */ });
  try {
    const [{ got }] = (await conn.query('SELECT pg_try_advisory_lock($1) AS got', [String(key)])).rows;
    if (!got) {
      onWait();
      await conn.query('SELECT pg_advisory_lock($1)', [String(key)]);
    }
    try {
      return await work();
    } finally {
      // Closing the connection below releases it as well: an unlock that fails must not hide work's error.
      await conn.query('SELECT pg_advisory_unlock($1)', [String(key)]).catch(() => undefined);
    }
  } finally {
    await db.client.destroyRawConnection(conn);
  }
}
