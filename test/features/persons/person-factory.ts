import { Knex } from 'knex';
import { personColumns } from '../../../src/features/persons/persons-queries';
import { PersonValues } from '../../../src/features/persons/persons-fields';

const BLANK: PersonValues = {
  name: '', name_kana: '', birth_date: null, sex_id: null, ward_id: null, address: null, phone: null, condition_id: null,
  handbook_type_id: null, handbook_grade: null, care_level_id: null, living: null, welfare_status: null,
  guardianship_type_id: null, guardian_name: null, guardian_relation_id: null, notes: null,
};

/** A person inserted directly (kana_key and phone_digits derived as the app does). */
export async function insertPerson(db: Knex, v: Partial<PersonValues> & { name: string; name_kana: string }): Promise<number> {
  const [row] = await db('persons').insert(personColumns({ ...BLANK, ...v })).returning('id');
  return row.id as number;
}

export async function codeId(db: Knex, list: string, label: string): Promise<number> {
  return (await db('code_entries').where({ list, label }).first('id')).id;
}

export async function wardId(db: Knex, name: string): Promise<number> {
  return (await db('wards').where({ name }).first('id')).id;
}

/** A consultation row linked to a person, inserted directly. */
export async function insertConsultation(db: Knex, personId: number, on = '2026-04-01'): Promise<number> {
  const cat = await db('consultation_categories').whereNull('parent_id').orderBy('sort_order').first('id');
  const [row] = await db('consultations').insert({ consulted_on: on, category_id: cat.id, person_id: personId }).returning('id');
  return row.id as number;
}

/** The full form body for a person, every field present as a browser sends it. */
export function personForm(v: Record<string, string>): Record<string, string> {
  const blank = Object.fromEntries(Object.keys(BLANK).map((k) => [k, '']));
  return { ...blank, ...v };
}
