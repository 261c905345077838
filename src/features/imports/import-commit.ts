/**
 * Committing a checked file, for the upload page and the command line alike: all or nothing, one
 * commit of a kind at a time; a file that repeats an earlier batch is refused unless the person
 * chose to import it anyway, and that choice is audited (ids only: this batch, the earlier one).
 */
import { Knex } from 'knex';
import { Db } from '../../db/knex';
import { ImportActor, ImportSpec, SourceRow } from '../../contracts/import-kind';
import { importRows, RowError } from './import-pipeline';
import { Duplicate, findDuplicate, fingerprints, lockKind, newBatchId, recordImported } from './import-duplicates';

/** Audit actions: the repeat imported anyway (record: this batch), and the batch it repeats. */
export const DUPLICATE_CONFIRMED = 'import.duplicate_confirmed';
export const DUPLICATE_OF = 'import.duplicate_of';

export interface CommitRequest {
  /** the preview's id; null from the command line (a new id is taken) */
  batchId: number | null;
  contentHash: string;
  actor: ImportActor;
  allowDuplicate: boolean;
  audit: (trx: Knex.Transaction, action: string, batchId: number) => Promise<void>;
  /** runs first inside the transaction (the preview's removal); throwing undoes everything */
  before?: (trx: Knex.Transaction) => Promise<void>;
}

export type CommitOutcome =
  | { ok: true; count: number; batchId: number; duplicate: Duplicate | null }
  | { ok: false; rowErrors: RowError[] }
  | { ok: false; duplicate: Duplicate };

class DuplicateRefused extends Error {
  constructor(readonly duplicate: Duplicate) { super('duplicate import refused'); }
}

export async function commitImport<R, C>(db: Db, spec: ImportSpec<R, C>, rows: SourceRow[], req: CommitRequest): Promise<CommitOutcome> {
  const committed: { batchId: number; duplicate: Duplicate | null } = { batchId: 0, duplicate: null };
  try {
    const result = await importRows(db, spec, rows, req.actor, async (trx, records) => {
      await req.before?.(trx);
      const fps = await fingerprints(spec, records);
      const duplicate = await findDuplicate(trx, spec.kind, req.contentHash, fps);
      if (duplicate && !req.allowDuplicate) throw new DuplicateRefused(duplicate);
      const batchId = req.batchId ?? (await newBatchId(trx));
      await recordImported(trx, { id: batchId, kind: spec.kind, hash: req.contentHash, userId: req.actor.userId, at: req.actor.now }, fps);
      await req.audit(trx, `import.${spec.kind}`, batchId);
      if (duplicate) {
        await req.audit(trx, DUPLICATE_CONFIRMED, batchId);
        await req.audit(trx, DUPLICATE_OF, duplicate.batchId);
      }
      Object.assign(committed, { batchId, duplicate });
    }, (trx) => lockKind(trx, spec.kind));
    if (!result.ok) return result;
    return { ok: true, count: result.count, ...committed };
  } catch (e) {
    if (e instanceof DuplicateRefused) return { ok: false, duplicate: e.duplicate };
    throw e;
  }
}
