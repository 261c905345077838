/** Each indicator's latest value against the path (for the indicators page and the manager's dashboard). */
import type { Knex } from 'knex';
import { indicatorValues, INDICATORS, type IndicatorDef } from './indicator-defs';
import { loadTargets, plannedValue, type Target } from './indicator-targets';

export interface IndicatorStatus {
  def: IndicatorDef;
  target: Target | undefined;
  /** The latest year up to `asOf` with a value. */
  latest: { year: number; value: number } | null;
  /** The path's value in that year (null outside the plan's years). */
  planned: number | null;
  /** value − planned, one decimal. */
  diff: number | null;
}

const LOOKBACK = 30;

export async function indicatorStatuses(db: Knex, asOf: number): Promise<IndicatorStatus[]> {
  const targets = await loadTargets(db);
  return Promise.all(INDICATORS.map(async (def) => {
    const target = targets.get(def.key);
    const values = await indicatorValues(db, def, asOf - LOOKBACK, asOf);
    const year = values.size ? Math.max(...values.keys()) : null;
    const latest = year === null ? null : { year, value: values.get(year)! };
    const planned = latest && target ? plannedValue(target, latest.year) : null;
    const diff = latest && planned !== null ? Math.round((latest.value - planned) * 10) / 10 : null;
    return { def, target, latest, planned, diff };
  }));
}
