/** Reading the entered past-year figures. */
import type { Knex } from 'knex';

type Conn = Knex | Knex.Transaction;

export interface FigureSet {
  id: number;
  report_id: string;
  fiscal_year: number;
  version: number;
  updated_at: Date;
  updated_by_name: string | null;
  values: Map<string, number>;
}

/** The report's sets for fiscal years from..to (all years when omitted), by fiscal year, with their values. */
export async function loadFigureSets(db: Conn, reportId: string, from?: number, to?: number): Promise<Map<number, FigureSet>> {
  const q = db('past_figure_sets as s').leftJoin('users as u', 'u.id', 's.updated_by').where('s.report_id', reportId)
    .select('s.id', 's.report_id', 's.fiscal_year', 's.version', 's.updated_at', 'u.display_name as updated_by_name')
    .orderBy('s.fiscal_year');
  if (from !== undefined) q.where('s.fiscal_year', '>=', from);
  if (to !== undefined) q.where('s.fiscal_year', '<=', to);
  const sets: Omit<FigureSet, 'values'>[] = await q;
  const values: { set_id: number; row_key: string; value: number }[] = sets.length
    ? await db('past_figure_values').whereIn('set_id', sets.map((s) => s.id)).select('set_id', 'row_key', 'value')
    : [];
  const out = new Map<number, FigureSet>();
  for (const s of sets) out.set(s.fiscal_year, { ...s, values: new Map() });
  const byId = new Map([...out.values()].map((s) => [s.id, s]));
  for (const v of values) byId.get(v.set_id)?.values.set(v.row_key, v.value);
  return out;
}

/** One year's set, or undefined. */
export async function loadFigureSet(db: Conn, reportId: string, fy: number): Promise<FigureSet | undefined> {
  return (await loadFigureSets(db, reportId, fy, fy)).get(fy);
}
