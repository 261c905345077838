import { AnyImportSpec } from './import-spec';
import { Analysis } from './import-pipeline';

/** How many of the records the preview shows, as they will be stored. */
export const PREVIEW_ROWS = 20;

export const rowErrorsSummary = (n: number) => `誤りのある行が${n}行あります。何も取り込んでいません`;

/** Locals for views/imports/preview.ejs; the layout's error summary links to the lists below. */
export function previewLocals(spec: AnyImportSpec, a: Analysis<unknown, unknown>, batchId: number | null) {
  const ctx = a.ctx;
  const errorList = [
    ...a.fileErrors.map((message) => ({ field: 'file-errors', message })),
    ...(a.rowErrors.length > 0 ? [{ field: 'row-errors', message: rowErrorsSummary(a.rowErrors.length) }] : []),
  ];
  return {
    spec,
    encoding: a.encoding,
    rowCount: a.rows.length,
    warnings: a.warnings,
    fileErrors: a.fileErrors,
    rowErrors: a.rowErrors,
    rowWarnings: a.rowWarnings,
    previewRows: a.records.slice(0, PREVIEW_ROWS).map((r) => ({ row: r.row, cells: spec.preview(r.record, ctx) })),
    validCount: a.records.length,
    batchId,
    changed: false,
    errorList,
  };
}

/** The upload form again, with one error on the file field. */
export function uploadFormError(message: string) {
  return { errors: { file: message }, errorList: [{ field: 'file', message }] };
}
