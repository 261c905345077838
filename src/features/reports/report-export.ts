/** One table → one file, for the download routes and the CLI alike; the audit id that goes with it. */
import { fiscalYearName } from '../../lib/dates';
import { tableToCsv } from '../../lib/table/csv';
import { tableToPdf } from '../../lib/table/pdf';
import { tableToXlsx } from '../../lib/table/xlsx';
import type { Table } from '../../lib/table/table';
import type { ReportDef, ReportParams } from './report-types';

export const REPORT_FORMATS = ['csv', 'xlsx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_EXPORT_ACTION = 'report.export';

export function isReportFormat(s: string): s is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(s);
}

export function renderReport(t: Table, format: ReportFormat, now: Date): Promise<Buffer> {
  if (format === 'csv') return Promise.resolve(tableToCsv(t));
  if (format === 'xlsx') return tableToXlsx(t);
  return tableToPdf(t, { now });
}

/** '相談件数_月別_令和5年度.csv' */
export function reportFileName(def: ReportDef, params: ReportParams, format: ReportFormat): string {
  return `${def.fileTitle}_${fiscalYearName(params.fy)}.${format}`;
}

/** 'consultations-monthly:2023:csv', with any filters appended as ids: ':ward=2'. */
export function reportAuditId(def: ReportDef, params: ReportParams, kind: ReportFormat | 'print'): string {
  const filters = Object.entries(params.filters).map(([k, v]) => `:${k}=${v}`).join('');
  return `${def.id}:${params.fy}:${kind}${filters}`;
}

/** The query string that reproduces these parameters (for links between the page and its files). */
export function reportQuery(params: ReportParams): string {
  return new URLSearchParams({ fy: String(params.fy), ...Object.fromEntries(Object.entries(params.filters).map(([k, v]) => [k, String(v)])) }).toString();
}
