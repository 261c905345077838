import { Request, Response } from 'express';
import { SecureRouter } from '../../http/routes';
import { flash } from '../../http/flash';
import { idParam } from '../../http/params';
import { NotFoundError } from '../../http/errors';
import { audit } from '../../audit/audit-writer';
import { AnyImportSpec } from './import-spec';
import { IMPORT_KINDS } from './import-kinds';
import { analyseFile, importRows } from './import-pipeline';
import { createBatch, deleteBatch, findBatch, isExpired, purgeExpiredBatches } from './import-batches';
import { previewLocals, uploadFormError } from './import-view';
import { IMPORT_MESSAGES, imported } from './import-messages';

class BatchGone extends Error {}

/**
 * Upload → preview → 「すべて取り込む」 for every import kind, at the kind's own path — except
 * kinds whose feature router registers them (spec.routedByFeature) through importKindRoutes.
 */
export function importRoutes(r: SecureRouter): void {
  for (const spec of IMPORT_KINDS) if (!spec.routedByFeature) importKindRoutes(r, spec);
}

/** The three routes of one import kind (for a feature router that must register them ahead of its /:id routes). */
export function importKindRoutes(r: SecureRouter, spec: AnyImportSpec): void {
  r.get(spec.path, 'import:run', (_req, res) => {
    res.render('imports/form', { spec });
  });

  r.post(spec.path, 'import:run', async (req, res) => {
    if (!req.file) return res.status(400).render('imports/form', { spec, ...uploadFormError(IMPORT_MESSAGES.noFile) });
    const { db, clock } = req.deps;
    const analysis = await analyseFile(db, spec, req.file.buffer);
    const importable = analysis.fileErrors.length === 0 && analysis.rowErrors.length === 0;
    let batchId: number | null = null;
    if (importable) batchId = await createBatch(db, spec.kind, req.user!.id, analysis.rows, clock.now());
    res.status(importable ? 200 : 400).render('imports/preview', previewLocals(spec, analysis, batchId));
  });

  r.post(`${spec.path}/:batchId`, 'import:run', (req, res) => confirm(req, res, spec));
}

async function confirm(req: Request, res: Response, spec: AnyImportSpec) {
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
  try {
    const result = await importRows(db, spec, batch.rows, { userId: req.user!.id, now }, async (trx) => {
      if (!(await deleteBatch(trx, id))) throw new BatchGone();
      await audit(req, `import.${spec.kind}`, 'import_batch', id, trx);
    });
    if (!result.ok) {
      await deleteBatch(db, id);
      const analysis = { encoding: null, fileErrors: [], warnings: [], rows: batch.rows, records: [], rowErrors: result.rowErrors, rowWarnings: [], ctx: null };
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
