/**
 * Where each indicator's yearly values come from: a function (db, fromYear, toYear) → Map<year, value>.
 *
 * Indicator 2 (市民後見人の対応ケース数, per fiscal year) is computed from the citizen-guardian
 * roster's appointments (cases active in the year). `null` would show 記録なし for every year.
 */
import type { Knex } from 'knex';
import { citizenGuardianCases } from '../guardians';
import { fiscalYearOf } from '../../lib/dates';

export type YearValues = (db: Knex, fromYear: number, toYear: number) => Promise<Map<number, number>>;

/** Years before the first recorded appointment's fiscal year have no records (記録なし), not 0. */
async function casesSinceFirstAppointment(db: Knex, fromYear: number, toYear: number): Promise<Map<number, number>> {
  const first = await db('guardian_appointments').min({ d: 'appointed_on' }).first();
  if (!first?.d) return new Map();
  const firstFy = fiscalYearOf(String(first.d));
  const all = await citizenGuardianCases(db, Math.max(fromYear, firstFy), toYear);
  return firstFy > toYear ? new Map() : all;
}

export const CITIZEN_GUARDIAN_CASES: YearValues | null = casesSinceFirstAppointment;
