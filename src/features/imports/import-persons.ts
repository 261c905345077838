/**
 * The person an imported row is about: the oldest unmerged person with the row's kana and birth
 * date, or a new one (with kana_key, match_key and the ward), remembered for the later rows of the same file.
 */
import { Knex } from 'knex';
import { kanaKeys } from '../persons/persons-queries';
import type { ImportActor } from './import-spec';

export interface ImportedPerson { name: string; name_kana: string; kana_key: string; birth_date: string; ward_id: number }

/** One per import: the persons already matched or made, by kana_key + birth date. */
export type SeenPersons = Map<string, number>;

export async function personFor(trx: Knex.Transaction, r: ImportedPerson, actor: ImportActor, seen: SeenPersons): Promise<number> {
  const key = `${r.kana_key}\u0000${r.birth_date}`;
  const known = seen.get(key);
  if (known !== undefined) return known;
  const match = await trx('persons').where({ kana_key: r.kana_key, birth_date: r.birth_date }).whereNull('merged_into_id').orderBy('id').first('id');
  const id: number = match?.id ?? (await trx('persons').insert({
    name: r.name, name_kana: r.name_kana, ...kanaKeys(r.name_kana), birth_date: r.birth_date, ward_id: r.ward_id,
    created_at: actor.now, created_by: actor.userId, updated_at: actor.now, updated_by: actor.userId,
  }).returning('id'))[0].id;
  seen.set(key, id);
  return id;
}
