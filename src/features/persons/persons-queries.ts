import { Knex } from 'knex';
import { kanaMatchKey, kanaSearchKey, phoneDigits } from '../../lib/kana';
import { PersonRow, PersonValues } from './persons-fields';
import { Request, Response } from 'express';
import { flash } from '../../http/flash';
import { NotFoundError } from '../../http/errors';
import { idParam } from '../../http/params';

/**
 * Every table that points at a person. Merging two persons moves these rows to the
 * survivor; each feature that links records to a person adds its table here.
 */
export interface PersonLink { table: string; column: string; label: string }

export const PERSON_LINKS: PersonLink[] = [
  { table: 'consultations', column: 'person_id', label: '相談記録' },
  { table: 'petitions', column: 'person_id', label: '市長申立て' },
  { table: 'meeting_cases', column: 'person_id', label: '受任調整会議の検討案件' },
  { table: 'subsidies', column: 'person_id', label: '報酬助成' },
  { table: 'guardian_appointments', column: 'person_id', label: '市民後見人の受任' },
];

type Conn = Knex | Knex.Transaction;

export function findPerson(db: Conn, id: number): Promise<PersonRow | undefined> {
  return db('persons').where({ id }).first();
}

/** What a ward user may see of a person on another record's page (a petition): 氏名, 氏名カナ, 生年月日, 住所 — nothing else is read. */
export interface WardPersonView { name: string; name_kana: string; birth_date: string | null; address: string | null }

export function wardPersonSummary(db: Conn, personId: number): Promise<WardPersonView | undefined> {
  return db('persons').where({ id: personId }).first('name', 'name_kana', 'birth_date', 'address');
}

/** Center staff and managers (persons:read) also see the phone, the ward and a link to the person. */
export interface StaffPersonView extends WardPersonView { id: number; phone: string | null; ward_name: string | null }

export function staffPersonSummary(db: Conn, personId: number): Promise<StaffPersonView | undefined> {
  return db('persons as per').leftJoin('wards as w', 'w.id', 'per.ward_id').where('per.id', personId)
    .first('per.id', 'per.name', 'per.name_kana', 'per.birth_date', 'per.address', 'per.phone', 'w.name as ward_name');
}

/** The keys of a person's 氏名カナ: kana_key (exact, the list order) and match_key (loose, the search). */
export const kanaKeys = (nameKana: string) => ({ kana_key: kanaSearchKey(nameKana), match_key: kanaMatchKey(nameKana) });

/** The derived columns every insert and update must carry: kana_key, match_key and phone_digits. */
export function personColumns(v: PersonValues): PersonValues & ReturnType<typeof kanaKeys> & { phone_digits: string | null } {
  return { ...v, ...kanaKeys(v.name_kana), phone_digits: v.phone ? phoneDigits(v.phone) : null };
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

/** The person named by :id, or 404. */
export async function loadPerson(req: Request): Promise<PersonRow> {
  const person = await findPerson(req.deps.db, idParam(req));
  if (!person) throw new NotFoundError();
  return person;
}

/** A merged record is history: it is not edited or merged again; its page says where its data went. */
export function refuseMerged(req: Request, res: Response, person: PersonRow): boolean {
  if (!person.merged_into_id) return false;
  flash(req, 'この記録は統合済みのため変更できません。統合先の記録を使ってください。', 'error');
  res.redirect(303, `/persons/${person.id}`);
  return true;
}
