/**
 * The counts behind the training table, one GROUP BY per row over the fiscal years of the span
 * (generate_series, so a year with nothing counts 0). Fiscal year N runs make_date(N, 4, 1) ..
 * make_date(N + 1, 3, 31); a stock is taken at the year's end, 3/31.
 */
import { Knex } from 'knex';
import type { PeriodKind } from './guardian-status';

type Counts = Map<number, number>;

const START = 'make_date(y.fy, 4, 1)';
const END = 'make_date(y.fy + 1, 3, 31)';

/** `count` over `join` (a LEFT JOIN on the year y.fy), per year from … to. The SQL pieces are constants of this file. */
async function perYear(db: Knex, from: number, to: number, count: string, join: string, bindings: string[] = []): Promise<Counts> {
  const result = await db.raw(
    `SELECT y.fy::int AS fy, ${count}::int AS n FROM generate_series(?::int, ?::int) AS y(fy) ${join} GROUP BY y.fy ORDER BY y.fy`,
    [from, to, ...bindings],
  );
  return new Map((result.rows as { fy: number; n: number }[]).map((r) => [r.fy, r.n]));
}

/** 養成講座修了者数: completions dated in the year (attendance-based and imported alike). */
export const completionsByYear = (db: Knex, from: number, to: number) => perYear(db, from, to, 'count(e.id)',
  `LEFT JOIN guardian_course_enrolments e ON e.completed_on BETWEEN ${START} AND ${END}`);

/** フォローアップ研修受講者数: every attendance at a session held in the year (延べ). */
export const followupAttendancesByYear = (db: Knex, from: number, to: number) => perYear(db, from, to, 'count(a.guardian_id)',
  `LEFT JOIN guardian_followup_sessions s ON s.held_on BETWEEN ${START} AND ${END}
   LEFT JOIN guardian_followup_attendance a ON a.session_id = s.id`);

/** People in a period of `kind` at the year's end: started by 3/31 and not ended by then. */
export const periodStockByYear = (db: Knex, from: number, to: number, kind: PeriodKind) => perYear(db, from, to, 'count(DISTINCT p.guardian_id)',
  `LEFT JOIN guardian_periods p ON p.kind = ? AND p.started_on <= ${END} AND (p.ended_on IS NULL OR p.ended_on > ${END})`, [kind]);
