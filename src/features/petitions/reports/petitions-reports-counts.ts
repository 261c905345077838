/** The one aggregate behind the petitions trend tables: filed petitions per (row value × fiscal year of filing). */
import type { Knex } from 'knex';
import { fiscalYearRange } from '../../../lib/dates';
import type { ReportScope, YearsParams } from '../../../contracts/report';

/** The petitions columns a trend table can break down by. */
export type PetitionCountColumn = 'ward_id' | 'type_sought_id' | 'legal_basis_id';

export interface YearCount {
  /** The row value's id; null where the petition has none. */
  dim: number | null;
  fy: number;
  n: number;
}

/**
 * One GROUP BY over the petitions filed (filed_on: stage 8, 家裁申立て) in the span, using the
 * (filed_on, ward_id) index. The fiscal year is the year of filed_on three months earlier
 * (2024-03-31 → 2023, 2024-04-01 → 2024). A ward scope limits the rows in SQL.
 */
export function countFiledByYear(db: Knex, column: PetitionCountColumn, params: YearsParams, scope: ReportScope): Promise<YearCount[]> {
  const q = db('petitions as p')
    .select(db.raw('?? AS dim', [`p.${column}`]), db.raw("EXTRACT(YEAR FROM p.filed_on - INTERVAL '3 months')::int AS fy"))
    .count({ n: '*' })
    .where('p.filed_on', '>=', fiscalYearRange(params.from).from)
    .where('p.filed_on', '<=', fiscalYearRange(params.to).to)
    .groupByRaw('1, 2');
  if (scope.wardId !== null) q.where('p.ward_id', scope.wardId);
  return q as unknown as Promise<YearCount[]>;
}

/** Lookup of a count by (dim, fy): zero where the query returned no row. */
export function yearCountLookup(rows: YearCount[]): (dim: number | null, fy: number) => number {
  const m = new Map(rows.map((r) => [`${r.dim}:${r.fy}`, Number(r.n)]));
  return (dim, fy) => m.get(`${dim}:${fy}`) ?? 0;
}

/** The fiscal years in from..to in which any petition was filed (every ward): those years count records, not past figures. */
export async function filedYears(db: Knex, from: number, to: number): Promise<Set<number>> {
  const rows: { fy: number }[] = await db('petitions')
    .select(db.raw("DISTINCT EXTRACT(YEAR FROM filed_on - INTERVAL '3 months')::int AS fy"))
    .where('filed_on', '>=', fiscalYearRange(from).from)
    .where('filed_on', '<=', fiscalYearRange(to).to);
  return new Set(rows.map((r) => Number(r.fy)));
}
