/**
 * The plan's indicators (成果指標, domain.md §7). Baselines and targets are master data
 * (indicator_targets, edited under /admin/masters/indicator-targets); the yearly values come from
 * each indicator's source.
 */
import type { Knex } from 'knex';
import { fiscalYearLabel, warekiYear } from '../../lib/dates';
import { courtUserTotals } from './court-users-queries';
import { CITIZEN_GUARDIAN_CASES, type YearValues } from './indicator-sources';

export type IndicatorKey = 'court_users' | 'citizen_guardian_cases';

export interface IndicatorDef {
  key: IndicatorKey;
  no: 1 | 2;
  name: string;
  unit: string;
  /** Indicator 1 counts calendar years (31 Dec stock); indicator 2 fiscal years. */
  yearKind: 'calendar' | 'fiscal';
  /** Where the values come from, for the page. */
  source: string;
  values: YearValues | null;
}

export const INDICATORS: readonly IndicatorDef[] = [
  {
    key: 'court_users', no: 1, name: '成年後見制度利用者数', unit: '人', yearKind: 'calendar',
    source: '家庭裁判所の統計による各年12月31日現在の市内の利用者数（後見・保佐・補助・任意後見の合計）。センター職員が年ごとに入力します。',
    values: courtUserTotals,
  },
  {
    key: 'citizen_guardian_cases', no: 2, name: '市民後見人の対応ケース数', unit: '件', yearKind: 'fiscal',
    source: '市民後見人名簿の受任の記録から、年度ごとに集計します。',
    values: CITIZEN_GUARDIAN_CASES,
  },
];

/** '令和5年（2023年）' or '令和5年度（2023年度）'. */
export function yearLabel(def: IndicatorDef, year: number): string {
  return def.yearKind === 'calendar' ? `${warekiYear(year)}（${year}年）` : fiscalYearLabel(year);
}

/** The indicator's values for years from..to; empty while it has no source. */
export function indicatorValues(db: Knex, def: IndicatorDef, from: number, to: number): Promise<Map<number, number>> {
  return def.values ? def.values(db, from, to) : Promise.resolve(new Map());
}
