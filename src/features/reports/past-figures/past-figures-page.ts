/** Looking up the report a /figures URL names, and the view models of the figures screens. */
import { Request } from 'express';
import { NotFoundError } from '../../../http/errors';
import { fiscalYearLabel } from '../../../lib/dates';
import { canReadReport } from '../report-access';
import { currentFiscalYear, FY_MIN, YEARS_MAX } from '../report-params';
import type { ReportDef, PastFiguresSpec } from '../../../contracts/report';

export type FiguresReport = ReportDef & { pastFigures: PastFiguresSpec };

const hasFigures = (d: ReportDef): d is FiguresReport => d.pastFigures !== undefined;

/** The reports (of the registry's `reports`) that take past figures and that this user may read. */
export function figuresReports(req: Request, reports: readonly ReportDef[]): FiguresReport[] {
  return reports.filter(hasFigures).filter((d) => canReadReport(req.user, d));
}

/** The report named by :report, or 404 (also when it takes no figures); `readable` false when the user may not read it. */
export function figuresReport(req: Request, reports: readonly ReportDef[]): { def: FiguresReport; readable: boolean } {
  const def = reports.find((d) => d.id === String(req.params.report));
  if (!def || !hasFigures(def)) throw new NotFoundError();
  return { def, readable: canReadReport(req.user, def) };
}

/** The :fy of an edit URL (a 4-digit fiscal year), or 404. */
export function fyParam(req: Request): number {
  const raw = String(req.params.fy);
  if (!/^\d{4}$/.test(raw)) throw new NotFoundError();
  return Number(raw);
}

/** The fiscal years a new entry may be for: the current one back to FY_MIN, newest first. */
export function entryYears(req: Request): number[] {
  const current = currentFiscalYear(req.deps.clock.now());
  return Array.from({ length: current - FY_MIN + 1 }, (_, i) => current - i);
}

/** The year select: years already entered are left out; a year with records says that its records are used. */
export function yearOptions(years: number[], entered: Set<number>, withRecords: Set<number>) {
  return years.filter((y) => !entered.has(y)).map((y) => ({
    value: String(y),
    label: withRecords.has(y) ? `${fiscalYearLabel(y)}\u3000※記録あり（集計表は記録を使います）` : fiscalYearLabel(y),
  }));
}

/** The report's span from the first entered year to the current one (at most YEARS_MAX years); '' for the default. */
export function spanQuery(req: Request, years: number[]): string {
  if (!years.length) return '';
  const to = currentFiscalYear(req.deps.clock.now());
  const from = Math.max(Math.min(...years), to - YEARS_MAX + 1);
  return from < to ? `from=${from}&to=${to}` : '';
}
