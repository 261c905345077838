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
 * Persons in 氏名カナ order (merged records excluded), keyset-paged on (kana_key, id)
 * so page 2,000 costs what page 1 does. Kana is a prefix match on match_key, so spaces, width,
 * long vowels, small kana and voiced marks aside: クマモトタロー finds クマモト タロウ (the key of a
 * prefix is a prefix of the key: kanaMatchKey).
 */
export function searchPersons(db: Db, s: PersonSearch, after: KeysetCursor | null, limit: number) {
  const q = db('persons as p').leftJoin('wards as w', 'w.id', 'p.ward_id')
    .whereNull('p.merged_into_id')
    .select<PersonHit[]>('p.id', 'p.name', 'p.name_kana', 'p.birth_date', 'w.name as ward_name', 'p.phone', 'p.address', 'p.kana_key')
    .orderBy([{ column: 'p.kana_key' }, { column: 'p.id' }])
    .limit(limit);
  const kana = s.kana ? kanaMatchKey(s.kana) : '';
  if (kana) {
    const escaped = kana.replace(/[\\%_]/g, (c) => `\\${c}`);
    q.where('p.match_key', 'like', `${escaped}%`);
  }
  if (s.birthDate) q.where('p.birth_date', s.birthDate);
  if (s.wardId) q.where('p.ward_id', s.wardId);
  const digits = s.phone ? phoneDigits(s.phone) : '';
  if (digits) q.where('p.phone_digits', digits);
  if (after) q.whereRaw('(p.kana_key, p.id) > (?, ?)', [after.kana, after.id]);
  return q;
}
