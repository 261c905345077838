/** Indicator 1's entered court counts (court_user_years + court_user_counts). */
import type { Knex } from 'knex';
import type { Choice } from '../../contracts';
import { codeChoices } from '../masters';

type Conn = Knex | Knex.Transaction;

/** The 類型 (後見, 保佐, 補助, 任意後見) in master order; retired ones only where `keep` has them. */
export async function guardianshipTypes(db: Conn, keep: Set<number> = new Set()): Promise<Choice[]> {
  const rows = await codeChoices(db, 'guardianship_type');
  return rows.filter((t) => !t.retired || keep.has(t.id));
}

/** Σ counts per calendar year in from..to (only years that were entered). */
export async function courtUserTotals(db: Conn, from: number, to: number): Promise<Map<number, number>> {
  const rows: { year: number; total: string }[] = await db('court_user_years as y')
    .leftJoin('court_user_counts as c', 'c.year_id', 'y.id')
    .whereBetween('y.year', [from, to])
    .groupBy('y.year')
    .select('y.year', db.raw('COALESCE(SUM(c.count), 0) AS total'));
  return new Map(rows.map((r) => [Number(r.year), Number(r.total)]));
}

export interface CourtUserYear {
  id: number;
  year: number;
  version: number;
  updated_at: Date;
  counts: Map<number, number>;
}

async function withCounts(db: Conn, years: Omit<CourtUserYear, 'counts'>[]): Promise<CourtUserYear[]> {
  const counts: { year_id: number; type_id: number; count: number }[] = years.length
    ? await db('court_user_counts').whereIn('year_id', years.map((y) => y.id)).select('year_id', 'type_id', 'count')
    : [];
  return years.map((y) => ({ ...y, counts: new Map(counts.filter((c) => c.year_id === y.id).map((c) => [c.type_id, c.count])) }));
}

/** Every entered year, newest first. */
export async function listCourtUserYears(db: Conn): Promise<CourtUserYear[]> {
  return withCounts(db, await db('court_user_years').orderBy('year', 'desc').select('id', 'year', 'version', 'updated_at'));
}

export async function findCourtUserYear(db: Conn, id: number): Promise<CourtUserYear | undefined> {
  const row = await db('court_user_years').where({ id }).first('id', 'year', 'version', 'updated_at');
  return row ? (await withCounts(db, [row]))[0] : undefined;
}
