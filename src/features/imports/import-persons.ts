/**
 * The person an imported row is about: the oldest unmerged person with the row's kana and birth
 * date, or a new one (with kana_key, match_key and the ward), remembered for the later rows of the
 * same file. Only that exact match links; a looser one — kana that differ in long vowels, small
 * kana or voiced marks, or the same 氏名 (persons-duplicates.ts) — is never linked silently: the
 * preview shows it as a row to confirm (personWarnings), and the row makes a new person.
 */
import { kanaKeys, candidatesAmong, personsBornOn, describeReasons, matchReasons, allowedIds, loadLookups, personSchema } from '../persons';
import type { ImportActor, ImportedPerson, ImportSpec, RowError, ValidRecord } from '../../contracts/import-kind';
import { Knex } from 'knex';
import { parseForm } from '../../http/forms';
import { kanaSearchKey } from '../../lib/kana';
import { formBody, rowReasons } from './import-form-check';
import { birthNeeded } from './import-messages';

export type { ImportedPerson };
import { workSlices } from './import-limits';

/** One per import: the persons already matched or made, by kana_key + birth date. */
export type SeenPersons = Map<string, number>;

const exactKey = (p: { kana_key: string; birth_date: string | null }) => `${p.kana_key}\u0000${p.birth_date}`;

export async function personFor(trx: Knex.Transaction, r: ImportedPerson, actor: ImportActor, seen: SeenPersons): Promise<number> {
  const key = exactKey(r);
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

export const looseStoredMatch = (id: number, kana: string, reasons: string) =>
  `登録済みの本人（ID ${id}：${kana}）と生年月日が同じで、${reasons}です。このまま取り込むと別の本人として新しく登録されます。同じ人であれば、氏名カナを登録済みのとおりに直してから取り込んでください（取り込んだ後に本人情報の「統合」でまとめることもできます）`;
export const looseRowMatch = (row: number, reasons: string) =>
  `行${row}の本人と生年月日が同じで、${reasons}です。このまま取り込むと別々の本人として登録されます。同じ人であれば、氏名カナをそろえてください`;

type PersonRow = { row: number; person: ImportedPerson };

function push<T>(groups: Map<string, T[]>, key: string, item: T): void {
  const group = groups.get(key);
  if (group) group.push(item);
  else groups.set(key, [item]);
}

/**
 * The rows whose person would be made new although a stored person, or the person an earlier row
 * makes, may be the same one. Rows that match exactly (and so link) get nothing.
 */
export async function personWarnings(db: Knex | Knex.Transaction, rows: PersonRow[]): Promise<RowError[]> {
  const stored = await personsBornOn(db, rows.map((r) => r.person.birth_date));
  const storedKeys = new Set(stored.map(exactKey));
  const storedOn = new Map<string, typeof stored>();
  for (const p of stored) push(storedOn, p.birth_date!, p);
  const madeKeys = new Set<string>();
  const madeOn = new Map<string, PersonRow[]>();
  const out: RowError[] = [];
  const slices = workSlices();
  for (const r of rows) {
    if (slices.due()) await slices.pause();
    const key = exactKey(r.person);
    if (storedKeys.has(key) || madeKeys.has(key)) continue;
    const birth = r.person.birth_date;
    const reasons = [
      ...candidatesAmong(r.person, storedOn.get(birth) ?? []).map((c) => looseStoredMatch(c.id, c.name_kana, describeReasons(c.reasons))),
      ...(madeOn.get(birth) ?? []).flatMap((m) => {
        const why = matchReasons(r.person, m.person);
        return why.length ? [looseRowMatch(m.row, describeReasons(why))] : [];
      }),
    ];
    if (reasons.length) out.push({ row: r.row, reasons });
    madeKeys.add(key);
    push(madeOn, birth, r);
  }
  return out;
}

/** A spec's own row warnings with the person warnings of its records (kinds with `person`), one entry per row, in row order. */
export async function withPersonWarnings<R>(db: Knex | Knex.Transaction, spec: Pick<ImportSpec<R, unknown>, 'person'>, records: ValidRecord<R>[], rowWarnings: RowError[]): Promise<RowError[]> {
  if (!spec.person) return rowWarnings;
  const byRow = new Map(rowWarnings.map((w) => [w.row, [...w.reasons]]));
  for (const w of await personWarnings(db, records.map((r) => ({ row: r.row, person: spec.person!(r.record) })))) byRow.set(w.row, [...(byRow.get(w.row) ?? []), ...w.reasons]);
  return [...byRow].sort(([a], [b]) => a - b).map(([row, reasons]) => ({ row, reasons }));
}

/**
 * The person a petitions, subsidies or meetings row names goes through the person form's schema
 * (name, kana, birth date, ward), so an import never registers a person the form would refuse.
 * Where the import differs, on purpose: the birth date is required (rows are matched to persons
 * by kana + birth date), and a retired ward is offered (old ledgers name them).
 */
export type PersonForm = ReturnType<typeof personSchema>;

export async function loadPersonForm(db: Knex | Knex.Transaction, today: string): Promise<PersonForm> {
  const lookups = await loadLookups(db);
  return personSchema({ today, allowed: { ...allowedIds(lookups), ward_id: new Set(lookups.wards.map((w) => w.id)) } });
}

/** The row's values for the form's fields, and the column each was read from. */
export interface PersonCells {
  values: { name: string; name_kana: string; birth_date: string; ward_id: string };
  columns: { name: string; name_kana: string; birth_date: string; ward_id: string };
}

export interface RowPerson { name: string; name_kana: string; kana_key: string; birth_date: string }

/** The person as the form would store it, or null (the reasons added to `r`). */
export function rowPerson(r: ReturnType<typeof rowReasons>, form: PersonForm, p: PersonCells): RowPerson | null {
  if (p.values.birth_date === '') r.reasons.push(birthNeeded(p.columns.birth_date));
  const parsed = parseForm(form, formBody(form.shape, p.values));
  if (!parsed.ok) {
    r.form(parsed.errorList, { columns: p.columns });
    return null;
  }
  const d = parsed.data;
  if (d.birth_date === null) return null;
  return { name: d.name, name_kana: d.name_kana, kana_key: kanaSearchKey(d.name_kana), birth_date: d.birth_date };
}
