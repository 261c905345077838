/** 「すべて取り込む」: the preview's rows committed, or the preview again saying why not. */
import { Request, Response } from 'express';
import { Db } from '../../db/knex';
import { flash } from '../../http/flash';
import { idParam } from '../../http/params';
import { NotFoundError } from '../../http/errors';
import { audit } from '../../audit/audit-writer';
import { todayIso } from '../../lib/dates';
import { AnyImportSpec } from '../../contracts/import-kind';
import { Analysis, validateRows } from './import-pipeline';
import { deleteBatch, findBatch, ImportBatch, isExpired, purgeExpiredBatches } from './import-batches';
import { commitImport } from './import-commit';
import { contentHash, Duplicate, findDuplicate, fingerprints } from './import-duplicates';
import { previewLocals } from './import-view';
import { duplicateNotTicked, IMPORT_MESSAGES, imported } from './import-messages';

class BatchGone extends Error {}

/** The preview of a stored batch, checked again (for showing it once more with the repeat warning). */
async function batchAnalysis(db: Db, spec: AnyImportSpec, batch: ImportBatch, now: Date): Promise<Analysis<unknown, unknown>> {
  const ctx = await spec.loadContext(db, todayIso(now));
  const checked = await validateRows(spec, batch.rows, ctx);
  return { encoding: null, contentHash: batch.content_hash, fileErrors: [], warnings: [], rows: batch.rows, ctx, ...checked };
}

/** Previews stored before the hash was kept: their rows stand in for the text. */
const hashOf = async (batch: ImportBatch) => batch.content_hash ?? (await contentHash(JSON.stringify(batch.rows)));

/**
 * The preview again, with the repeat warning and the error next to the checkbox; false when the
 * batch no longer looks like a repeat (`duplicate` null: looked up again from its rows).
 */
async function showDuplicate(req: Request, res: Response, spec: AnyImportSpec, batch: ImportBatch, found: Duplicate | null): Promise<boolean> {
  const { db } = req.deps;
  const analysis = await batchAnalysis(db, spec, batch, req.deps.clock.now());
  const duplicate = found ?? (await findDuplicate(db, spec.kind, await hashOf(batch), await fingerprints(spec, analysis.records.map((r) => r.record))));
  if (!duplicate) return false;
  res.status(400).render('imports/preview', previewLocals(spec, analysis, batch.id, { duplicate, error: duplicateNotTicked }));
  return true;
}

export async function confirmImport(req: Request, res: Response, spec: AnyImportSpec) {
  const { db, clock } = req.deps;
  const id = idParam(req, 'batchId');
  const batch = await findBatch(db, id, spec.kind);
  if (!batch) throw new NotFoundError();
  if (batch.user_id !== req.user!.id) {
    await audit(req, 'access.denied', 'import_batch', id);
    throw new NotFoundError();
  }
  const now = clock.now();
  if (isExpired(batch, now)) {
    await purgeExpiredBatches(db, now);
    flash(req, IMPORT_MESSAGES.expired, 'error');
    return res.redirect(303, spec.path);
  }
  const allowDuplicate = req.body?.confirm_duplicate === '1';
  // the preview said the file repeats an earlier import: without the tick, nothing is tried
  if (batch.duplicate_of !== null && !allowDuplicate && (await showDuplicate(req, res, spec, batch, null))) return;
  try {
    const result = await commitImport(db, spec, batch.rows, {
      batchId: id,
      contentHash: await hashOf(batch),
      actor: { userId: req.user!.id, now },
      allowDuplicate,
      audit: (trx, action, batchId) => audit(req, action, 'import_batch', batchId, trx),
      before: async (trx) => { if (!(await deleteBatch(trx, id))) throw new BatchGone(); },
    });
    if (!result.ok && 'duplicate' in result) return void (await showDuplicate(req, res, spec, batch, result.duplicate));
    if (!result.ok) {
      await deleteBatch(db, id);
      const analysis = { encoding: null, contentHash: null, fileErrors: [], warnings: [], rows: batch.rows, records: [], rowErrors: result.rowErrors, rowWarnings: [], ctx: null };
      return res.status(400).render('imports/preview', { ...previewLocals(spec, analysis, null), changed: true });
    }
    flash(req, imported(result.count));
    res.redirect(303, spec.listHref);
  } catch (e) {
    if (!(e instanceof BatchGone)) throw e;
    flash(req, IMPORT_MESSAGES.alreadyDone, 'error');
    res.redirect(303, spec.listHref);
  }
}
