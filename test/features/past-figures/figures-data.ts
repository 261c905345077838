/** Petitions, consultations and entered figures for the past-figure tests, inserted directly. */
import { Knex } from 'knex';
import { insertPerson, wardId } from '../../helpers/factories';

export async function wardIds(db: Knex): Promise<Record<string, number>> {
  const rows: { id: number; name: string }[] = await db('wards').select('id', 'name');
  return Object.fromEntries(rows.map((r) => [r.name, r.id]));
}

/** A filed petition in `ward`, filed on `filedOn`. */
export async function filedPetition(db: Knex, ward: string, filedOn: string): Promise<void> {
  const ward_id = await wardId(db, ward);
  const person_id = await insertPerson(db, { name: '過年 太郎', name_kana: 'カネン タロウ', ward_id });
  await db('petitions').insert({ person_id, ward_id, filed_on: filedOn });
}

/** A set of figures for one report and fiscal year: values by row key. */
export async function enterFigures(db: Knex, reportId: string, fy: number, values: Record<string, number>): Promise<number> {
  const [{ id }] = await db('past_figure_sets').insert({ report_id: reportId, fiscal_year: fy }).returning('id');
  const rows = Object.entries(values).map(([row_key, value]) => ({ set_id: id, row_key, value }));
  if (rows.length) await db('past_figure_values').insert(rows);
  return id as number;
}

/** Consultations on the given days (person ids, null for anonymous). */
export async function consultationsOn(db: Knex, days: [string, number | null][], deleted = false): Promise<void> {
  const cat = await db('consultation_categories').whereNull('parent_id').orderBy('sort_order').first('id');
  await db('consultations').insert(days.map(([consulted_on, person_id]) => ({
    consulted_on, person_id, category_id: cat.id, ...(deleted ? { deleted_at: new Date(), deleted_reason: '重複' } : {}),
  })));
}
