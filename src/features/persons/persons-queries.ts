import { Knex } from 'knex';
import { kanaSearchKey, phoneDigits } from '../../lib/kana';
import { PERSON_LINKS } from './person-links';
import { PersonRow, PersonValues } from './persons-fields';

type Conn = Knex | Knex.Transaction;

export function findPerson(db: Conn, id: number): Promise<PersonRow | undefined> {
  return db('persons').where({ id }).first();
}

/** The derived columns every insert and update must carry: kana_key and phone_digits. */
export function personColumns(v: PersonValues): PersonValues & { kana_key: string; phone_digits: string | null } {
  return { ...v, kana_key: kanaSearchKey(v.name_kana), phone_digits: v.phone ? phoneDigits(v.phone) : null };
}

export interface Candidate { id: number; name: string; name_kana: string; birth_date: string | null; ward_id: number | null }

/** Unmerged persons with this kana and birth date: the possible duplicates of a new record. */
export function duplicateCandidates(db: Conn, kanaKey: string, birthDate: string | null, exceptId?: number): Promise<Candidate[]> {
  if (!birthDate) return Promise.resolve([]);
  const q = db('persons').where({ kana_key: kanaKey, birth_date: birthDate }).whereNull('merged_into_id')
    .orderBy('id').select('id', 'name', 'name_kana', 'birth_date', 'ward_id');
  if (exceptId) q.whereNot('id', exceptId);
  return q;
}

/** How many rows of each linked table point at a person (counted in SQL). */
export async function linkCounts(db: Conn, personId: number): Promise<{ label: string; count: number }[]> {
  const out = [];
  for (const link of PERSON_LINKS) {
    const [{ n }] = await db(link.table).where(link.column, personId).count({ n: '*' });
    out.push({ label: link.label, count: Number(n) });
  }
  return out;
}

/** Records that were merged into this one (they link here from their own page). */
export function mergedFrom(db: Conn, id: number): Promise<{ id: number; merged_at: Date }[]> {
  return db('persons').where({ merged_into_id: id }).orderBy('id').select('id', 'merged_at');
}
