/** View models for the report pages: the fiscal-year picker and the filter selects. */
import type { Knex } from 'knex';
import { fiscalYearLabel } from '../../lib/dates';
import { FY_MIN } from './report-params';
import type { ReportDef } from './report-types';

export interface SelectField {
  name: string;
  label: string;
  type: 'select';
  noBlank: true;
  options: { value: string; label: string }[];
  value: string;
}

/** The last ten fiscal years, newest first, plus the shown one if it is older (or later). */
export function fyField(current: number, shown: number | null): SelectField {
  const years = Array.from({ length: 10 }, (_, i) => current - i).filter((y) => y >= FY_MIN);
  if (shown !== null && !years.includes(shown)) years.push(shown);
  years.sort((a, b) => b - a);
  return {
    name: 'fy', label: '年度', type: 'select', noBlank: true,
    options: years.map((y) => ({ value: String(y), label: fiscalYearLabel(y) })),
    value: String(shown ?? current),
  };
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
