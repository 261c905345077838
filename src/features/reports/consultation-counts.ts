/** The one aggregate behind every consultation table: counts per category × (month | dimension value). */
import type { Knex } from 'knex';
import { fiscalYearRange } from '../../lib/dates';
import type { AppliedFilter, Dimension } from './consultation-dimensions';

export interface CategoryCount {
  category_id: number;
  /** The month (1–12) or the dimension value's id; null where the consultation has none. */
  dim: number | null;
  n: number;
}

/**
 * One GROUP BY over the fiscal year's live consultations (deleted_at IS NULL), using the
 * (consulted_on, category_id) tally index. `by` is 'month' or a dimension from a fixed list.
 */
export function countByCategory(db: Knex, fy: number, filters: AppliedFilter[], by: 'month' | Dimension): Promise<CategoryCount[]> {
  const { from, to } = fiscalYearRange(fy);
  const dim = by === 'month'
    ? db.raw('EXTRACT(MONTH FROM consulted_on)::int AS dim')
    : db.raw('?? AS dim', [by.column]);
  const q = db('consultations')
    .select('category_id', dim)
    .count({ n: '*' })
    .whereNull('deleted_at')
    .where('consulted_on', '>=', from)
    .where('consulted_on', '<=', to)
    .groupByRaw('1, 2');
  for (const f of filters) q.where(f.dimension.column, f.id);
  return q as unknown as Promise<CategoryCount[]>;
}

/** Lookup of a count by (dim, category): zero where the query returned no row. */
export function countLookup(rows: CategoryCount[]): (dim: number | null, categoryId: number) => number {
  const m = new Map(rows.map((r) => [`${r.dim}:${r.category_id}`, Number(r.n)]));
  return (dim, categoryId) => m.get(`${dim}:${categoryId}`) ?? 0;
}
