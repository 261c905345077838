/** One table → one file, for the download routes and the CLI alike; the audit id that goes with it. */
import { fiscalYearName } from '../../lib/dates';
import { tableToCsv } from '../../lib/table/csv';
import { tableToPdf } from '../../lib/table/pdf';
import { tableToXlsx } from '../../lib/table/xlsx';
import type { Table } from '../../lib/table/table';
import { isYearsParams, type ReportDef, type ReportParams } from '../../contracts/report';

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

/** '令和5年度', or for a span '令和元年度〜令和5年度'. */
export function periodName(params: ReportParams): string {
  if (!isYearsParams(params)) return fiscalYearName(params.fy);
  return params.from === params.to ? fiscalYearName(params.from) : `${fiscalYearName(params.from)}〜${fiscalYearName(params.to)}`;
}

/** '相談件数_月別_令和5年度.csv', '市長申立て件数_区別_令和元年度〜令和5年度.csv' */
export function reportFileName(def: ReportDef, params: ReportParams, format: ReportFormat): string {
  return `${def.fileTitle}_${periodName(params)}.${format}`;
}

/** 'consultations-monthly:2023:csv' or 'petitions-yearly:2019-2023:csv', with any filters appended as ids: ':ward=2'. */
export function reportAuditId(def: ReportDef, params: ReportParams, kind: ReportFormat | 'print'): string {
  const filters = Object.entries(params.filters).map(([k, v]) => `:${k}=${v}`).join('');
  const period = isYearsParams(params) ? `${params.from}-${params.to}` : String(params.fy);
  return `${def.id}:${period}:${kind}${filters}`;
}

/** The query string that reproduces these parameters (for links between the page and its files). */
export function reportQuery(params: ReportParams): string {
  const period: Record<string, string> = isYearsParams(params) ? { from: String(params.from), to: String(params.to) } : { fy: String(params.fy) };
  return new URLSearchParams({ ...period, ...Object.fromEntries(Object.entries(params.filters).map(([k, v]) => [k, String(v)])) }).toString();
}
