/**
 * Possible duplicates: the persons (not merged away) born on the same day whose 氏名 or 氏名カナ
 * match by matchReasons (below). Every matcher comes through here — the person form (create and
 * edit), the merge page and the imports — so they all apply the one rule. The birth date (an
 * indexed column) narrows the rows; the keys are compared in code, so they never go stale.
 */
import { Knex } from 'knex';
import { kanaMatchKey, kanaSearchKey, nameMatchKey } from '../../lib/kana';

/**
 * When two person records may be the same person: the one rule the duplicate check on the person
 * form, the merge page and the imports all apply (persons-duplicates.ts). Staff decide; nothing
 * is merged or linked on a loose match.
 */
export interface NameAndBirth { name: string; name_kana: string; birth_date: string | null }

/**
 * Why two records may be one person, strongest first; always with the same birth date:
 * - kana: the same 氏名カナ (spaces, width and hiragana aside: kana_key);
 * - kanaLoose: 氏名カナ that differ only in long vowels, small kana or voiced marks (kanaMatchKey);
 * - name: the same 氏名 (spaces and width aside).
 */
export type MatchReason = 'kana' | 'kanaLoose' | 'name';

export const MATCH_REASON_LABELS: Record<MatchReason, string> = {
  kana: '氏名カナが同じ',
  kanaLoose: '氏名カナがほぼ同じ（長音・小さい字・濁点の違いのみ）',
  name: '氏名が同じ',
};

/** The reasons `a` and `b` may be one person; none without a birth date on both. */
export function matchReasons(a: NameAndBirth, b: NameAndBirth): MatchReason[] {
  if (!a.birth_date || a.birth_date !== b.birth_date) return [];
  const reasons: MatchReason[] = [];
  if (kanaSearchKey(a.name_kana) === kanaSearchKey(b.name_kana)) reasons.push('kana');
  else if (kanaMatchKey(a.name_kana) === kanaMatchKey(b.name_kana)) reasons.push('kanaLoose');
  if (nameMatchKey(a.name) === nameMatchKey(b.name)) reasons.push('name');
  return reasons;
}

/** '氏名カナがほぼ同じ（…）・氏名が同じ' */
export const describeReasons = (reasons: MatchReason[]) => reasons.map((r) => MATCH_REASON_LABELS[r]).join('・');

type Conn = Knex | Knex.Transaction;

export interface StoredPerson extends NameAndBirth { id: number; kana_key: string; ward_id: number | null }
export interface Candidate extends StoredPerson { reasons: MatchReason[] }

/** How many birth dates one query asks for. */
const DATES_PER_QUERY = 500;

/** Unmerged persons born on any of these days, oldest record first. */
export async function personsBornOn(db: Conn, dates: string[]): Promise<StoredPerson[]> {
  const unique = [...new Set(dates)];
  const out: StoredPerson[] = [];
  for (let i = 0; i < unique.length; i += DATES_PER_QUERY) {
    out.push(...await db('persons').whereIn('birth_date', unique.slice(i, i + DATES_PER_QUERY)).whereNull('merged_into_id')
      .orderBy('id').select('id', 'name', 'name_kana', 'kana_key', 'birth_date', 'ward_id'));
  }
  return out.sort((a, b) => a.id - b.id);
}

/** The rows that may be `who`, each with why. */
export function candidatesAmong(who: NameAndBirth, rows: StoredPerson[], exceptId?: number): Candidate[] {
  return rows.filter((r) => r.id !== exceptId).map((r) => ({ ...r, reasons: matchReasons(who, r) })).filter((c) => c.reasons.length > 0);
}

/** The persons that may be `who` (none without a birth date). */
export async function possibleDuplicates(db: Conn, who: NameAndBirth, exceptId?: number): Promise<Candidate[]> {
  if (!who.birth_date) return [];
  return candidatesAmong(who, await personsBornOn(db, [who.birth_date]), exceptId);
}

/**
 * After an edit of person `before` to `after`: the possible duplicates the edit brings in, i.e.
 * those the record did not already match (staff saw those when it was registered or last changed).
 */
export async function newDuplicates(db: Conn, id: number, before: NameAndBirth, after: NameAndBirth): Promise<Candidate[]> {
  return (await possibleDuplicates(db, after, id)).filter((c) => matchReasons(before, c).length === 0);
}
