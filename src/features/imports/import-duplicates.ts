/**
 * Has this file, or most of its rows, been imported before? A file is a repeat when its decoded
 * text (so a re-save in another encoding still matches) hashes like an earlier committed batch's,
 * or when at least 90% of its rows have the fingerprint of rows already imported (a row counts
 * once per earlier row it matches). Committed batches leave their hash and their rows'
 * fingerprints behind (recordImported), so the check is an indexed lookup, not a scan.
 */
import { createHash } from 'node:crypto';
import { Knex } from 'knex';
import type { ImportSpec } from '../../contracts/import-kind';
import { workSlices } from './import-limits';

/** The share of a file's rows already imported (in percent) from which the file is flagged. */
export const DUPLICATE_ROWS_PERCENT = 90;
/** Characters hashed between pauses, and fingerprints looked up per query. */
const HASH_PIECE = 1 << 20;
const LOOKUP_CHUNK = 1000;
const INSERT_CHUNK = 500;

export interface Duplicate {
  /** the earlier batch: the one with the same text, else the one sharing the most rows */
  batchId: number;
  importedAt: Date;
  sameFile: boolean;
  /** rows of this file matching earlier rows, of `total` */
  matched: number;
  total: number;
}

/**
 * SHA-256 of the text as read: without a BOM, with CRLF / CR as LF and trailing line ends dropped
 * (Excel's and a text editor's save of the same rows hash alike). Pauses between pieces.
 */
export async function contentHash(text: string): Promise<string> {
  const normal = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/\n+$/, '');
  const hash = createHash('sha256');
  const slices = workSlices();
  for (let at = 0; at < normal.length; at += HASH_PIECE) {
    if (slices.due()) await slices.pause();
    hash.update(normal.slice(at, at + HASH_PIECE));
  }
  return hash.digest('hex');
}

/** Each distinct row fingerprint of the records, with how many records have it. */
export async function fingerprints<R, C>(spec: ImportSpec<R, C>, records: R[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const slices = workSlices();
  for (const r of records) {
    if (slices.due()) await slices.pause();
    const fp = createHash('sha256').update(JSON.stringify([spec.kind, ...spec.fingerprint(r)])).digest('hex').slice(0, 32);
    counts.set(fp, (counts.get(fp) ?? 0) + 1);
  }
  return counts;
}

type Db = Knex | Knex.Transaction;

async function batchOf(db: Db, id: number) {
  return db('imported_batches').where({ id }).first('id', 'imported_at') as Promise<{ id: number; imported_at: Date }>;
}

/** Per earlier batch, how many of the file's rows its rows match (each earlier row matched once). */
async function overlapByBatch(db: Db, kind: string, fps: Map<string, number>): Promise<{ perBatch: Map<number, number>; matched: number }> {
  const earlier = new Map<string, number>();
  const perBatch = new Map<number, number>();
  const keys = [...fps.keys()];
  for (let i = 0; i < keys.length; i += LOOKUP_CHUNK) {
    const hits: { fingerprint: string; batch_id: number; rows: number }[] = await db('imported_row_fingerprints')
      .where({ kind }).whereIn('fingerprint', keys.slice(i, i + LOOKUP_CHUNK)).select('fingerprint', 'batch_id', 'rows');
    for (const h of hits) {
      earlier.set(h.fingerprint, (earlier.get(h.fingerprint) ?? 0) + h.rows);
      perBatch.set(h.batch_id, (perBatch.get(h.batch_id) ?? 0) + Math.min(h.rows, fps.get(h.fingerprint)!));
    }
  }
  let matched = 0;
  for (const [fp, n] of earlier) matched += Math.min(n, fps.get(fp)!);
  return { perBatch, matched };
}

/** The earlier batch this file repeats, or null. */
export async function findDuplicate(db: Db, kind: string, hash: string, fps: Map<string, number>): Promise<Duplicate | null> {
  const total = [...fps.values()].reduce((a, b) => a + b, 0);
  const same = await db('imported_batches').where({ kind, content_hash: hash }).orderBy('id', 'desc').first('id', 'imported_at');
  if (same) return { batchId: same.id, importedAt: same.imported_at, sameFile: true, matched: total, total };
  const { perBatch, matched } = await overlapByBatch(db, kind, fps);
  if (total === 0 || matched * 100 < total * DUPLICATE_ROWS_PERCENT) return null;
  const [bestId] = [...perBatch.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
  const best = await batchOf(db, bestId);
  return { batchId: best.id, importedAt: best.imported_at, sameFile: false, matched, total };
}

/** A batch id for an import without a preview (the command line), from the previews' own sequence. */
export async function newBatchId(trx: Knex.Transaction): Promise<number> {
  const { rows } = await trx.raw("SELECT nextval(pg_get_serial_sequence('import_batches', 'id')) AS id");
  return Number(rows[0].id);
}

/** Leaves the committed batch's hash and row fingerprints for later files to be checked against. */
export async function recordImported(
  trx: Knex.Transaction, batch: { id: number; kind: string; hash: string; userId: number | null; at: Date }, fps: Map<string, number>,
): Promise<void> {
  const rowCount = [...fps.values()].reduce((a, b) => a + b, 0);
  await trx('imported_batches').insert({ id: batch.id, kind: batch.kind, content_hash: batch.hash, row_count: rowCount, user_id: batch.userId, imported_at: batch.at });
  const rows = [...fps].map(([fingerprint, n]) => ({ kind: batch.kind, fingerprint, batch_id: batch.id, rows: n }));
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) await trx('imported_row_fingerprints').insert(rows.slice(i, i + INSERT_CHUNK));
}

/**
 * Commits of one kind wait for each other (a transaction-scoped advisory lock), so two people
 * importing the same file at once cannot both miss the other's batch.
 */
export async function lockKind(trx: Knex.Transaction, kind: string): Promise<void> {
  const key = createHash('sha256').update(`import:${kind}`).digest().readBigInt64BE(0);
  await trx.raw('SELECT pg_advisory_xact_lock(?::bigint)', [String(key)]);
}
