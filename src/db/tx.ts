import { Knex } from 'knex';
import { Db } from './knex';

/**
 * Runs work in one transaction. Pass `trx` to every query inside: on PGlite the outer
 * connection is busy, and using `db` inside would wait forever.
 */
export function inTransaction<T>(db: Db, work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
  return db.transaction(work);
}

/** Optimistic locking: update when the version matches; returns false on a conflict. */
export async function updateVersioned(
  trx: Knex | Knex.Transaction,
  table: string,
  id: number,
  version: number,
  values: Record<string, unknown>,
): Promise<boolean> {
  const n = await trx(table).where({ id, version }).update({ ...values, version: version + 1 });
  return n === 1;
}
