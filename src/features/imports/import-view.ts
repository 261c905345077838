import { AnyImportSpec } from '../../contracts/import-kind';
import { Analysis } from './import-pipeline';
import { Duplicate } from './import-duplicates';
import { DUPLICATE_LABEL, duplicateEffect, duplicateFound, previewLifetime } from './import-messages';

/** How many of the records the preview shows, as they will be stored. */
export const PREVIEW_ROWS = 20;
/**
 * Bad rows (and rows with a note) listed on the page, first ones first: a file wrong in every
 * one of 20,000 rows would otherwise make a page of megabytes. The counts are always the full ones.
 */
export const SHOWN_ROW_PROBLEMS = 1000;

export const onlyFirstShown = (shown: number, total: number) =>
  `行が多いため、${total.toLocaleString('ja-JP')}行のうち先頭の${shown.toLocaleString('ja-JP')}行だけを表示しています`;

export const rowErrorsSummary = (n: number) => `誤りのある行が${n}行あります。何も取り込んでいません`;

/** The repeat warning and its checkbox; `error` when 「すべて取り込む」 came without the tick. */
export interface DuplicateState { duplicate: Duplicate | null; error?: string }

/** Locals for views/imports/preview.ejs; the layout's error summary links to the lists below. */
export function previewLocals(spec: AnyImportSpec, a: Analysis<unknown, unknown>, batchId: number | null, dup: DuplicateState = { duplicate: null }) {
  const ctx = a.ctx;
  const errorList = [
    ...a.fileErrors.map((message) => ({ field: 'file-errors', message })),
    ...(a.rowErrors.length > 0 ? [{ field: 'row-errors', message: rowErrorsSummary(a.rowErrors.length) }] : []),
    ...(dup.error ? [{ field: 'confirm_duplicate', message: dup.error }] : []),
  ];
  return {
    spec,
    encoding: a.encoding,
    rowCount: a.rows.length,
    warnings: a.warnings,
    fileErrors: a.fileErrors,
    rowErrors: a.rowErrors.slice(0, SHOWN_ROW_PROBLEMS),
    rowErrorCount: a.rowErrors.length,
    rowWarnings: a.rowWarnings.slice(0, SHOWN_ROW_PROBLEMS),
    rowWarningCount: a.rowWarnings.length,
    onlyFirstShown,
    previewRows: a.records.slice(0, PREVIEW_ROWS).map((r) => ({ row: r.row, cells: spec.preview(r.record, ctx) })),
    validCount: a.records.length,
    batchId,
    previewLifetime,
    changed: false,
    duplicate: dup.duplicate && { text: duplicateFound(dup.duplicate), effect: duplicateEffect, label: DUPLICATE_LABEL },
    errors: dup.error ? { confirm_duplicate: dup.error } : {},
    errorList,
  };
}

/** The upload form again, with one error on the file field. */
export function uploadFormError(message: string) {
  return { errors: { file: message }, errorList: [{ field: 'file', message }] };
}
