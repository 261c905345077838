/**
 * Where each indicator's yearly values come from: a function (db, fromYear, toYear) → Map<year, value>.
 *
 * Indicator 2 (市民後見人の対応ケース数, per fiscal year) is computed from the citizen-guardian
 * roster. Until the roster is built nothing is registered here and every year shows 記録なし.
 * To plug it in, replace `null` below with the roster's function, e.g.
 *   export const CITIZEN_GUARDIAN_CASES: YearValues | null = guardiansIndicator;
 * (imported from '../guardians/guardians-indicator').
 */
import type { Knex } from 'knex';

export type YearValues = (db: Knex, fromYear: number, toYear: number) => Promise<Map<number, number>>;

export const CITIZEN_GUARDIAN_CASES: YearValues | null = null;
