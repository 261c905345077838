import { Knex } from 'knex';
import { Db } from '../../db/knex';
import { SourceRow } from './import-spec';

/** Parsed rows kept between the preview and the user's 「すべて取り込む」; a day at most. */
export const BATCH_TTL_MS = 24 * 60 * 60 * 1000;

export interface ImportBatch { id: number; kind: string; user_id: number; rows: SourceRow[]; created_at: Date }

export async function createBatch(db: Db, kind: string, userId: number, rows: SourceRow[], now: Date): Promise<number> {
  const [row] = await db('import_batches')
    .insert({ kind, user_id: userId, rows: JSON.stringify(rows), created_at: now })
    .returning('id');
  return row.id;
}

export function findBatch(db: Db, id: number, kind: string): Promise<ImportBatch | undefined> {
  return db('import_batches').where({ id, kind }).first();
}

export const isExpired = (batch: ImportBatch, now: Date) => now.getTime() - new Date(batch.created_at).getTime() > BATCH_TTL_MS;

/** Removes one batch; false when it was already gone (imported or removed by a second submit). */
export async function deleteBatch(db: Db | Knex.Transaction, id: number): Promise<boolean> {
  return (await db('import_batches').where({ id }).del()) === 1;
}

/** Removes every batch older than a day (anyone's): they can no longer be confirmed. */
export async function purgeExpiredBatches(db: Db, now: Date): Promise<void> {
  await db('import_batches').where('created_at', '<', new Date(now.getTime() - BATCH_TTL_MS)).del();
}
