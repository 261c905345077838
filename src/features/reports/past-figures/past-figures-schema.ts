/** The entry form of one fiscal year's figures, generated from the report's declared rows. */
import { z } from 'zod';
import { COUNT_UNIT, fiscalYearField, intField, optionalIntField, versionField } from '../../../http/schema-fields';
import type { PastFigureRow } from '../../../contracts/report';

export const FIGURE_MAX = 99_999_999;

export const FIGURE_MESSAGES = {
  fy: '年度を選択してください',
  value: (label: string) => `${label}を0〜${FIGURE_MAX.toLocaleString('ja-JP')}の整数で入力してください`,
  duplicate: '選んだ年度の過年度実績は既に登録されています。一覧から編集してください',
};

export const valueField = (row: PastFigureRow) => `v_${row.key}`;

function rowField(row: PastFigureRow) {
  const o = { invalid: FIGURE_MESSAGES.value(row.label), unit: COUNT_UNIT };
  return row.optional ? optionalIntField(row.label, 0, FIGURE_MAX, o) : intField(row.label, 0, FIGURE_MAX, o);
}

/** New: `years` are the fiscal years offered. Edit: the version instead of the year. */
export function figuresSchema(rows: PastFigureRow[], opts: { years: number[] } | { edit: true }) {
  const values = Object.fromEntries(rows.map((r) => [valueField(r), rowField(r)]));
  if ('edit' in opts) return z.object({ ...values, version: versionField });
  const fy = fiscalYearField('年度', 1900, 2100, FIGURE_MESSAGES.fy, FIGURE_MESSAGES.fy).refine((y) => opts.years.includes(y), FIGURE_MESSAGES.fy);
  return z.object({ fy, ...values });
}

/** The entered values by row key (blank optional rows left out). */
export function valuesOf(rows: PastFigureRow[], data: Record<string, unknown>): Map<string, number> {
  return new Map(rows.filter((r) => typeof data[valueField(r)] === 'number').map((r) => [r.key, data[valueField(r)] as number]));
}
