/** View models for the report pages: the fiscal-year pickers, the filter selects and the index links. */
import type { Knex } from 'knex';
import { fiscalYearLabel } from '../../lib/dates';
import { FY_MIN, YEARS_DEFAULT } from './report-params';
import { reportQuery } from './report-export';
import { isYearsParams, type ReportDef, type ReportParams } from '../../contracts/report';

export interface SelectField {
  name: string;
  label: string;
  type: 'select';
  noBlank: true;
  options: { value: string; label: string }[];
  value: string;
}

function yearSelect(name: string, label: string, years: number[], value: number): SelectField {
  const list = [...new Set([...years, value])].filter((y) => y >= FY_MIN).sort((a, b) => b - a);
  return { name, label, type: 'select', noBlank: true, options: list.map((y) => ({ value: String(y), label: fiscalYearLabel(y) })), value: String(value) };
}

const lastYears = (current: number, n: number) => Array.from({ length: n }, (_, i) => current - i);

/** The last ten fiscal years, newest first, plus the shown one if it is older (or later). */
export function fyField(current: number, shown: number | null): SelectField {
  return yearSelect('fy', '年度', lastYears(current, 10), shown ?? current);
}

/** 開始年度 and 終了年度 over the last twenty fiscal years (plus the shown ones). */
export function yearsFields(current: number, shown: { from: number; to: number } | null): SelectField[] {
  const years = lastYears(current, 20);
  const { from, to } = shown ?? { from: current - YEARS_DEFAULT + 1, to: current };
  return [yearSelect('from', '開始年度', years, from), yearSelect('to', '終了年度', years, to)];
}

/** The year pickers of a report's page: one fiscal year, or a span. */
export function periodFields(def: ReportDef, current: number, shown: ReportParams | null): SelectField[] {
  if (def.period === 'years') return yearsFields(current, shown && isYearsParams(shown) ? shown : null);
  return [fyField(current, shown && !isYearsParams(shown) ? shown.fy : null)];
}

/** The index page's link to a report for the fiscal year picked there (for a trend table: the span ending with it). */
export function indexHref(def: ReportDef, fy: number): string {
  const params: ReportParams = def.period === 'years'
    ? { from: Math.max(FY_MIN, fy - YEARS_DEFAULT + 1), to: fy, filters: {} }
    : { fy, filters: {} };
  return `/reports/${def.id}?${reportQuery(params)}`;
}

/** One select per filter the report accepts: 'すべて' first, retired values marked. */
export async function filterFields(db: Knex, def: ReportDef, values: Record<string, unknown>): Promise<SelectField[]> {
  const lists = await Promise.all(def.filters.map((f) => f.options(db)));
  return def.filters.map((f, i) => ({
    name: f.name, label: f.label, type: 'select', noBlank: true,
    options: [{ value: '', label: 'すべて' }, ...lists[i].map((o) => ({ value: String(o.id), label: o.retired ? `${o.label}（使用停止）` : o.label }))],
    value: typeof values[f.name] === 'string' ? (values[f.name] as string) : '',
  }));
}
