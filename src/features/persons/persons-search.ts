import { Db } from '../../db/knex';
import { kanaMatchKey, phoneDigits } from '../../lib/kana';

export interface PersonSearch {
  kana?: string;
  birthDate?: string | null;
  wardId?: number | null;
  phone?: string;
}

export interface PersonHit {
  id: number;
  name: string;
  name_kana: string;
  birth_date: string | null;
  ward_name: string | null;
  kana_key: string;
}

/** The last row of a page: its kana_key and id. */
export interface KeysetCursor { kana: string; id: number }

/**
 * Persons in 氏名カナ order (merged records excluded), keyset-paged so page 2,000 costs what page 1
 * does: on (kana_key, id), or with kana typed on (match_key, kana_key, id). Kana is a prefix match
 * on match_key, so spaces, width, long vowels, small kana and voiced marks aside: クマモトタロー
 * finds クマモト タロウ (the key of a prefix is a prefix of the key: kanaMatchKey). The hits come
 * in the loose key's order, one reading's spellings together (its index gives them in that order,
 * so a common surname costs what a rare one does); the cursor's match_key is that of its kana_key.
 */
export function searchPersons(db: Db, s: PersonSearch, after: KeysetCursor | null, limit: number) {
  const kana = s.kana ? kanaMatchKey(s.kana) : '';
  const q = db('persons as p').leftJoin('wards as w', 'w.id', 'p.ward_id')
    .whereNull('p.merged_into_id')
    .select<PersonHit[]>('p.id', 'p.name', 'p.name_kana', 'p.birth_date', 'w.name as ward_name', 'p.phone', 'p.address', 'p.kana_key')
    .orderBy([...(kana ? [{ column: 'p.match_key' }] : []), { column: 'p.kana_key' }, { column: 'p.id' }])
    .limit(limit);
  if (kana) q.where('p.match_key', 'like', `${kana.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (s.birthDate) q.where('p.birth_date', s.birthDate);
  if (s.wardId) q.where('p.ward_id', s.wardId);
  const digits = s.phone ? phoneDigits(s.phone) : '';
  if (digits) q.where('p.phone_digits', digits);
  if (after && kana) q.whereRaw('(p.match_key, p.kana_key, p.id) > (?, ?, ?)', [kanaMatchKey(after.kana), after.kana, after.id]);
  else if (after) q.whereRaw('(p.kana_key, p.id) > (?, ?)', [after.kana, after.id]);
  return q;
}
