/** The annual report to a file, for the download routes and the CLI alike, with its file name and audit id. */
import type { Knex } from 'knex';
import { fiscalYearName } from '../../lib/dates';
import type { ReportScope } from '../../contracts/report';
import { AnnualPlan, buildAnnual, ANNUAL_ID } from './annual-build';
import { annualPdf } from './annual-pdf';
import { annualXlsx } from './annual-xlsx';

export const ANNUAL_FORMATS = ['pdf', 'xlsx'] as const;
export type AnnualFormat = (typeof ANNUAL_FORMATS)[number];

export const isAnnualFormat = (s: string): s is AnnualFormat => (ANNUAL_FORMATS as readonly string[]).includes(s);

/** '年報_令和5年度.pdf' */
export const annualFileName = (fy: number, format: AnnualFormat) => `年報_${fiscalYearName(fy)}.${format}`;

/** 'annual:2023:pdf', beside the other reports' 'consultations-monthly:2023:pdf'. */
export const annualAuditId = (fy: number, format: AnnualFormat) => `${ANNUAL_ID}:${fy}:${format}`;

export async function renderAnnual(db: Knex, fy: number, format: AnnualFormat, o: { now: Date; scope: ReportScope; plan: AnnualPlan[] }) {
  const report = await buildAnnual(db, fy, o);
  const body = format === 'pdf' ? await annualPdf(report, o.now) : await annualXlsx(report, o.now);
  return { report, body };
}
