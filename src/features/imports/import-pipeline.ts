import { Knex } from 'knex';
import { Db } from '../../db/knex';
import type { ImportActor, ImportSpec, RowError, SourceRow, ValidRecord } from '../../contracts/import-kind';
import { decodeCsv, looksLikeZip, readCsv } from './import-csv';
import { IMPORT_MESSAGES } from './import-messages';
import { workSlices } from './import-limits';
import { withPersonWarnings } from './import-persons';
import { contentHash } from './import-duplicates';
import { todayIso } from '../../lib/dates';
import { inTransaction } from '../../db/tx';

export type { RowError, ValidRecord };

export interface Analysis<R, C> {
  /** the encoding detected, or null when the file could not be read as text */
  encoding: string | null;
  /** the decoded text's hash (import-duplicates.ts), or null when it could not be read */
  contentHash: string | null;
  fileErrors: string[];
  warnings: string[];
  rows: SourceRow[];
  records: ValidRecord<R>[];
  rowErrors: RowError[];
  /** rows imported with a note (RowResult.warnings), by row number */
  rowWarnings: RowError[];
  ctx: C | null;
}

/**
 * Every row through the spec: the typed records, and every bad row with its reasons. Pauses
 * between slices of rows, so that checking a big file never holds up other requests.
 */
export async function validateRows<R, C>(spec: ImportSpec<R, C>, rows: SourceRow[], ctx: C) {
  const records: ValidRecord<R>[] = [];
  const rowErrors: RowError[] = [];
  const rowWarnings: RowError[] = [];
  const slices = workSlices();
  for (const { row, cells } of rows) {
    if (slices.due()) await slices.pause();
    const result = await spec.validate(cells, ctx);
    if (result.ok) {
      records.push({ row, record: result.record });
      if (result.warnings?.length) rowWarnings.push({ row, reasons: result.warnings });
    } else rowErrors.push({ row, reasons: result.reasons });
  }
  return { records, rowErrors, rowWarnings };
}

/** Decode → CSV → header → rows validated against the current masters and `now`'s date. Stores nothing. */
export async function analyseFile<R, C>(db: Db, spec: ImportSpec<R, C>, bytes: Buffer, now: Date): Promise<Analysis<R, C>> {
  const fail = (message: string, encoding: string | null = null): Analysis<R, C> =>
    ({ encoding, contentHash: null, fileErrors: [message], warnings: [], rows: [], records: [], rowErrors: [], rowWarnings: [], ctx: null });
  if (bytes.length === 0) return fail(IMPORT_MESSAGES.emptyFile);
  if (looksLikeZip(bytes)) return fail(IMPORT_MESSAGES.xlsx);
  const decoded = await decodeCsv(bytes);
  if (!decoded.ok) return fail(IMPORT_MESSAGES.utf16);
  const csv = await readCsv(decoded.text, spec.columns);
  if (csv.fileErrors.length > 0) return { ...fail('', decoded.encoding), fileErrors: csv.fileErrors, warnings: csv.warnings };
  const ctx = await spec.loadContext(db, todayIso(now));
  const checked = await validateRows(spec, csv.rows, ctx);
  const rowWarnings = await withPersonWarnings(db, spec, checked.records, checked.rowWarnings);
  return { encoding: decoded.encoding, contentHash: await contentHash(decoded.text), fileErrors: [], warnings: csv.warnings, rows: csv.rows, ctx, ...checked, rowWarnings };
}

export type CommitResult = { ok: true; count: number } | { ok: false; rowErrors: RowError[] };

class RowsInvalid extends Error {
  constructor(readonly rowErrors: RowError[]) { super('rows invalid'); }
}

/**
 * All or nothing: in one transaction, runs `start` (a lock), validates the rows again against the
 * masters as they are now, inserts every record, then runs `finish` (duplicate check, history,
 * audit, batch removal). One bad row, or an error in `finish`, and nothing is stored.
 */
export async function importRows<R, C>(
  db: Db,
  spec: ImportSpec<R, C>,
  rows: SourceRow[],
  actor: ImportActor,
  finish?: (trx: Knex.Transaction, records: R[]) => Promise<void>,
  start?: (trx: Knex.Transaction) => Promise<void>,
): Promise<CommitResult> {
  try {
    return await inTransaction(db, async (trx) => {
      await start?.(trx);
      const ctx = await spec.loadContext(trx, todayIso(actor.now));
      const { records, rowErrors } = await validateRows(spec, rows, ctx);
      if (rowErrors.length > 0 || records.length === 0) throw new RowsInvalid(rowErrors);
      await spec.insert(trx, records.map((r) => r.record), actor);
      await finish?.(trx, records.map((r) => r.record));
      return { ok: true as const, count: records.length };
    });
  } catch (e) {
    if (e instanceof RowsInvalid) return { ok: false, rowErrors: e.rowErrors };
    throw e;
  }
}
