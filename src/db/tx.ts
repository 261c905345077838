import { Knex } from 'knex';
import { Db } from './knex';

/**
 * Runs work in one transaction. Pass `trx` to every query inside: on PGlite the outer
 * connection is busy, and using `db` inside would wait forever.
 */
export function inTransaction<T>(db: Db, work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
  return db.transaction(work);
}

/**
 * The version a write moves on from without checking it: a soft delete, a child record's change
 * touching its parent, an admin action. Forms opened before still get the conflict page.
 */
export const ANY_VERSION = 'any';

export interface VersionedOptions {
  /** More conditions the row must meet, e.g. `{ petition_id }` or `(q) => q.whereNull('deleted_at')`. */
  where?: Record<string, unknown> | ((q: Knex.QueryBuilder) => void);
}

/**
 * Optimistic locking, the one way to change a versioned row: updates the row `key` (its id, or
 * columns such as `{ key: 'x' }`) when its version is still `version`, and moves the version on.
 * Returns false on a conflict: the version changed, or the row is gone or fails `where`.
 */
export async function updateVersioned(
  trx: Knex | Knex.Transaction,
  table: string,
  key: number | Record<string, unknown>,
  version: number | typeof ANY_VERSION,
  values: Record<string, unknown>,
  options: VersionedOptions = {},
): Promise<boolean> {
  const q = trx(table).where(typeof key === 'number' ? { id: key } : key);
  if (version !== ANY_VERSION) q.where({ version });
  if (typeof options.where === 'function') options.where(q);
  else if (options.where) q.where(options.where);
  const n = await q.update({ ...values, version: version === ANY_VERSION ? trx.raw('version + 1') : version + 1 });
  return n === 1;
}
