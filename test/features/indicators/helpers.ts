/** Fixtures for the indicator tests: court counts entered directly, the 類型 ids. */
import { Knex } from 'knex';

export async function typeIds(db: Knex): Promise<Record<string, number>> {
  const rows: { id: number; label: string }[] = await db('code_entries').where({ list: 'guardianship_type' }).select('id', 'label');
  return Object.fromEntries(rows.map((r) => [r.label, r.id]));
}

/** A year's counts by 類型 label, inserted directly (not what is under test). */
export async function insertCourtYear(db: Knex, year: number, counts: Record<string, number>): Promise<number> {
  const ids = await typeIds(db);
  const [{ id }] = await db('court_user_years').insert({ year }).returning('id');
  await db('court_user_counts').insert(Object.entries(counts).map(([label, count]) => ({ year_id: id, type_id: ids[label], count })));
  return id as number;
}
