/** Baselines and targets (master data) and the straight-line path between them. */
import type { Knex } from 'knex';
import type { IndicatorKey } from './indicator-defs';

type Conn = Knex | Knex.Transaction;

export interface Target {
  id: number;
  indicator: IndicatorKey;
  baseline_year: number;
  baseline_value: number;
  target_year: number;
  target_value: number;
  version: number;
}

export async function loadTargets(db: Conn): Promise<Map<IndicatorKey, Target>> {
  const rows: Target[] = await db('indicator_targets').orderBy('id')
    .select('id', 'indicator', 'baseline_year', 'baseline_value', 'target_year', 'target_value', 'version');
  return new Map(rows.map((r) => [r.indicator, r]));
}

/**
 * The planned value for `year` on the straight line from the baseline to the target (linear
 * interpolation, rounded to one decimal); null outside baseline_year..target_year.
 */
export function plannedValue(t: Target, year: number): number | null {
  if (year < t.baseline_year || year > t.target_year) return null;
  const v = t.baseline_value + ((t.target_value - t.baseline_value) * (year - t.baseline_year)) / (t.target_year - t.baseline_year);
  return Math.round(v * 10) / 10;
}
