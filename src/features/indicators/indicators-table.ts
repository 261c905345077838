/**
 * The indicators table (report `indicators`): one row per year, and for each indicator 実績,
 * 計画値（直線） and 目標値. Indicator 1 is a calendar year, indicator 2 the fiscal year starting
 * that year. Shown "as of" a fiscal year: later years have no 実績 yet.
 */
import type { Knex } from 'knex';
import { fiscalYearName, warekiYear } from '../../lib/dates';
import { groupedHeader, type Table } from '../../lib/table/table';
import { indicatorValues, INDICATORS, yearLabel, type IndicatorDef } from './indicator-defs';
import { loadTargets, plannedValue, type Target } from './indicator-targets';

export const INDICATORS_ID = 'indicators';
export const INDICATORS_TITLE = '成果指標の実績と計画値';
export const NO_RECORD = '記録なし';
/** How many years before the earliest baseline the table reaches back for entered values. */
const LOOKBACK = 10;

export const INDICATOR_COLUMNS = [
  { key: 'actual', label: '実績' },
  { key: 'path', label: '計画値（直線）' },
  { key: 'target', label: '目標値' },
] as const;

export const columnKey = (def: IndicatorDef, col: (typeof INDICATOR_COLUMNS)[number]['key']) => `${def.key}_${col}`;

const NOTES = [
  '指標1は各年12月31日現在の人数（家庭裁判所の統計、後見・保佐・補助・任意後見の合計）です。',
  '指標2は年度（4月〜3月）の件数で、その年に始まる年度の行に示します（2023年の行は令和5年度）。',
  '計画値（直線）は、基準値から目標値までを直線で結んだ各年の値です（小数第1位まで）。',
  `「${NO_RECORD}」は、その年の実績が入力・記録されていないことを示します。`,
];

function targetText(def: IndicatorDef, t: Target | undefined): string {
  if (!t) return `指標${def.no}：基準値・目標値が未設定`;
  const f = (v: number) => `${v.toLocaleString('ja-JP')}${def.unit}`;
  return `指標${def.no}：基準値 ${f(t.baseline_value)}（${yearLabel(def, t.baseline_year)}）→ 目標値 ${f(t.target_value)}（${yearLabel(def, t.target_year)}）`;
}

function cells(def: IndicatorDef, t: Target | undefined, values: Map<number, number>, year: number, asOf: number): (number | string | null)[] {
  const actual = year > asOf ? null : values.get(year) ?? NO_RECORD;
  return [actual, t ? plannedValue(t, year) : null, t && year === t.target_year ? t.target_value : null];
}

export async function indicatorsTable(db: Knex, asOf: number): Promise<Table> {
  const targets = await loadTargets(db);
  const spans = [...targets.values()];
  const start = Math.min(asOf, ...spans.map((t) => t.baseline_year));
  const end = Math.max(asOf, ...spans.map((t) => t.target_year));
  const values = await Promise.all(INDICATORS.map((def) => indicatorValues(db, def, start - LOOKBACK, Math.min(end, asOf))));
  const first = Math.min(start, ...values.flatMap((m) => [...m.keys()]));
  const years = Array.from({ length: end - first + 1 }, (_, i) => first + i);
  const { headerRows, columns } = groupedHeader(INDICATORS.map((def) => ({
    label: `指標${def.no} ${def.name}（${def.unit}）`,
    children: INDICATOR_COLUMNS.map((c) => ({ key: columnKey(def, c.key), label: c.label })),
  })));
  return {
    id: INDICATORS_ID,
    title: `${INDICATORS_TITLE}（${fiscalYearName(asOf)}時点）`,
    subtitle: INDICATORS.map((def) => targetText(def, targets.get(def.key))).join('　'),
    rowHeader: '年（指標2は年度）',
    headerRows,
    columns,
    rows: years.map((y) => ({
      label: `${y}年（${warekiYear(y)}）`,
      cells: INDICATORS.flatMap((def, i) => cells(def, targets.get(def.key), values[i], y, asOf)),
    })),
    notes: NOTES,
  };
}
