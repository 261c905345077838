import { SecureRouter } from '../../http/routes';
import type { AnyImportSpec, Registry } from '../../contracts';
import { analyseFile, Analysis, validateRows } from './import-pipeline';
import { createBatch, deleteBatch, findBatch, ImportBatch, isExpired, purgeExpiredBatches } from './import-batches';
import { findDuplicate, fingerprints, contentHash, Duplicate } from './import-duplicates';
import { previewLocals, uploadFormError } from './import-view';
import { IMPORT_MESSAGES, duplicateNotTicked, imported } from './import-messages';
import { renderFormPage } from '../../http/forms';
import { Request, Response } from 'express';
import { Db } from '../../db/knex';
import { flash } from '../../http/flash';
import { idParam } from '../../http/params';
import { NotFoundError } from '../../http/errors';
import { audit } from '../../audit/audit-writer';
import { todayIso } from '../../lib/dates';
import { commitImport } from './import-commit';

/**
 * Upload → preview → 「すべて取り込む」 for every import kind of the registry, at the kind's own path — except
 * kinds whose feature router registers them (spec.routedByFeature) through importKindRoutes.
 */
export function importRoutes(r: SecureRouter, { importKinds }: Registry): void {
  for (const spec of importKinds) if (!spec.routedByFeature) importKindRoutes(r, spec);
}

/** The three routes of one import kind (for a feature router that must register them ahead of its /:id routes). */
export function importKindRoutes(r: SecureRouter, spec: AnyImportSpec): void {
  r.get(spec.path, 'import:run', (_req, res) => {
    res.render('imports/form', { spec });
  });

  r.post(spec.path, 'import:run', async (req, res) => {
    if (!req.file) return renderFormPage(res, 'imports/form', { spec }, uploadFormError(IMPORT_MESSAGES.noFile));
    const { db, clock } = req.deps;
    const now = clock.now();
    const analysis = await analyseFile(db, spec, req.file.buffer, now);
    if (analysis.fileErrors.length > 0 || analysis.rowErrors.length > 0) return res.status(400).render('imports/preview', previewLocals(spec, analysis, null));
    // the file repeats an earlier import: said on the preview, where 「すべて取り込む」 then needs the tick
    const fps = await fingerprints(spec, analysis.records.map((r) => r.record));
    const duplicate = await findDuplicate(db, spec.kind, analysis.contentHash!, fps);
    const batchId = await createBatch(db, spec.kind, req.user!.id, analysis.rows, now, { contentHash: analysis.contentHash!, duplicateOf: duplicate?.batchId ?? null });
    res.render('imports/preview', previewLocals(spec, analysis, batchId, { duplicate }));
  });

  r.post(`${spec.path}/:batchId`, 'import:run', (req, res) => confirmImport(req, res, spec));
}

/** 「すべて取り込む」: the preview's rows committed, or the preview again saying why not. */
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
