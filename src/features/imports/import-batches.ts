import { Knex } from 'knex';
import { Db } from '../../db/knex';
import { SourceRow } from '../../contracts/import-kind';
import { MAX_PENDING_PREVIEWS, PREVIEW_TTL_MS } from './import-limits';

/**
 * Parsed rows kept between the preview and the user's 「すべて取り込む」 (PREVIEW_TTL_MS at most),
 * with the file's content hash and the earlier batch the preview found it repeating.
 */
export interface ImportBatch {
  id: number;
  kind: string;
  user_id: number;
  rows: SourceRow[];
  created_at: Date;
  content_hash: string | null;
  duplicate_of: number | null;
}

export interface BatchFile { contentHash: string; duplicateOf: number | null }

/**
 * Keeps a preview's rows: first removes every expired preview (anyone's), then, once this one is
 * stored, the user's older previews beyond MAX_PENDING_PREVIEWS (of any kind), newest kept.
 * Two uploads at once each trim after their own insert, so no user ends with more than the cap.
 */
export async function createBatch(db: Db, kind: string, userId: number, rows: SourceRow[], now: Date, file: BatchFile): Promise<number> {
  await purgeExpiredBatches(db, now);
  const [row] = await db('import_batches')
    .insert({ kind, user_id: userId, rows: JSON.stringify(rows), created_at: now, content_hash: file.contentHash, duplicate_of: file.duplicateOf })
    .returning('id');
  const kept = db('import_batches').where({ user_id: userId }).orderBy('id', 'desc').limit(MAX_PENDING_PREVIEWS).select('id');
  await db('import_batches').where({ user_id: userId }).whereNotIn('id', kept).del();
  return row.id;
}

export function findBatch(db: Db, id: number, kind: string): Promise<ImportBatch | undefined> {
  return db('import_batches').where({ id, kind }).first();
}

export const isExpired = (batch: ImportBatch, now: Date) => now.getTime() - new Date(batch.created_at).getTime() > PREVIEW_TTL_MS;

/** Removes one batch; false when it was already gone (imported or removed by a second submit). */
export async function deleteBatch(db: Db | Knex.Transaction, id: number): Promise<boolean> {
  return (await db('import_batches').where({ id }).del()) === 1;
}

/** Removes every batch past PREVIEW_TTL_MS (anyone's): they can no longer be confirmed. */
export async function purgeExpiredBatches(db: Db, now: Date): Promise<void> {
  await db('import_batches').where('created_at', '<', new Date(now.getTime() - PREVIEW_TTL_MS)).del();
}
