/** The one aggregate behind the yearly subsidy table: approved applications per fiscal year of the decision and funding line. */
import type { Knex } from 'knex';
import { fiscalYearRange } from '../../lib/dates';
import type { ReportScope, YearsParams } from '../../contracts/report';

export interface YearSums {
  fy: number;
  /** the funding line; null on the row totalling the year */
  line: string | null;
  n: number;
  /** the granted yen summed, in thousands rounded half up (from the yen sum, never from rounded parts) */
  thousands: number;
}

/**
 * One GROUP BY over the approved (承認, paid or not) live applications decided in the span, with the
 * year totals as a grouping set. The fiscal year is the year of decided_on three months earlier.
 * Rounding is done in SQL on the yen sum: (sum + 500) / 1000 in integer arithmetic (sums are never negative).
 */
export async function countApprovedByYear(db: Knex, params: YearsParams, scope: ReportScope): Promise<YearSums[]> {
  const inner = db('subsidies as s')
    .select(db.raw("EXTRACT(YEAR FROM s.decided_on - INTERVAL '3 months')::int AS fy"), 's.funding_line as line', 's.granted_yen')
    .whereNull('s.deleted_at').where('s.decision', '承認')
    .where('s.decided_on', '>=', fiscalYearRange(params.from).from)
    .where('s.decided_on', '<=', fiscalYearRange(params.to).to);
  if (scope.wardId !== null) inner.where('s.ward_id', scope.wardId);
  const rows = await db.select('a.fy', db.raw('CASE WHEN GROUPING(a.line) = 1 THEN NULL ELSE a.line END AS line'))
    .count({ n: '*' })
    .select(db.raw('(COALESCE(sum(a.granted_yen), 0) + 500) / 1000 AS thousands'))
    .from(inner.as('a'))
    .groupByRaw('GROUPING SETS ((a.fy, a.line), (a.fy))');
  return (rows as Record<string, unknown>[]).map((r) => ({ fy: Number(r.fy), line: (r.line as string | null) ?? null, n: Number(r.n), thousands: Number(r.thousands) }));
}
