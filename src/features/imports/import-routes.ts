import { SecureRouter } from '../../http/routes';
import type { AnyImportSpec, Registry } from '../../contracts';
import { analyseFile } from './import-pipeline';
import { createBatch } from './import-batches';
import { findDuplicate, fingerprints } from './import-duplicates';
import { previewLocals, uploadFormError } from './import-view';
import { IMPORT_MESSAGES } from './import-messages';
import { confirmImport } from './import-confirm';
import { renderFormPage } from '../../http/forms';

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
