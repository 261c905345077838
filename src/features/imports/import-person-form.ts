/**
 * The person a petitions, subsidies or meetings row names goes through the person form's schema
 * (name, kana, birth date, ward), so an import never registers a person the form would refuse.
 * Where the import differs, on purpose: the birth date is required (rows are matched to persons
 * by kana + birth date), and a retired ward is offered (old ledgers name them).
 */
import { Knex } from 'knex';
import { parseForm } from '../../http/forms';
import { kanaSearchKey } from '../../lib/kana';
import { allowedIds, loadLookups, personSchema } from '../persons';
import { formBody, rowReasons } from './import-form-check';
import { birthNeeded } from './import-messages';

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
