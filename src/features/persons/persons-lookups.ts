import { Knex } from 'knex';
import type { Choice } from '../../contracts';
import { ageOn, toWareki } from '../../lib/dates';
import { loadMasterOptions, offered as offeredOf, selectOptions as selectOptionsOf, type MasterOptions } from '../masters';
import { CODE_FIELDS, CODE_LISTS_USED, CodeField, LIVING, PERSON_FIELDS, PersonValues, WELFARE } from './persons-fields';

/** Code entries and wards a person record refers to, retired ones included (old records still show them). */
export type Lookups = MasterOptions;

export function loadLookups(db: Knex | Knex.Transaction): Promise<Lookups> {
  return loadMasterOptions(db, CODE_LISTS_USED);
}

export type SelectField = CodeField | 'ward_id';
export const SELECT_FIELDS: SelectField[] = [...(Object.keys(CODE_FIELDS) as CodeField[]), 'ward_id'];

function choicesFor(l: Lookups, field: SelectField): Choice[] {
  return field === 'ward_id' ? l.wards : l.lists[CODE_FIELDS[field]];
}

/** What a form may offer: active entries, plus the record's own value even if since retired. */
export function offered(l: Lookups, field: SelectField, current?: number | null): Choice[] {
  return offeredOf(choicesFor(l, field), current);
}

export function allowedIds(l: Lookups, current?: Partial<PersonValues>): Record<SelectField, Set<number>> {
  return Object.fromEntries(SELECT_FIELDS.map((f) => [f, new Set(offered(l, f, current?.[f]).map((c) => c.id))])) as Record<SelectField, Set<number>>;
}

export function selectOptions(l: Lookups, current?: Partial<PersonValues>) {
  const opts: Record<string, { value: string | number; label: string }[]> = {};
  for (const f of SELECT_FIELDS) {
    opts[f] = selectOptionsOf(offered(l, f, current?.[f]));
  }
  opts.living = LIVING.map((v) => ({ value: v, label: v }));
  opts.welfare_status = WELFARE.map((v) => ({ value: v, label: v }));
  return opts;
}

/** '昭和20年4月1日（1945年・81歳）'; no age for a birth date after today (the forms refuse one). */
export function describeBirth(birthIso: string | null, todayIso: string): string {
  if (!birthIso) return '';
  const age = ageOn(birthIso, todayIso);
  return `${toWareki(birthIso)}（${birthIso.slice(0, 4)}年${age === null ? '' : `・${age}歳`}）`;
}

/** How one field's value reads on screen. */
export function displayValue(l: Lookups, field: keyof PersonValues, value: unknown, todayIso: string): string {
  if (value === null || value === undefined || value === '') return '';
  const kind = PERSON_FIELDS.find((f) => f.name === field)?.kind;
  if (kind === 'date') return describeBirth(String(value), todayIso);
  if (kind === 'code') return l.byId.get(Number(value))?.label ?? String(value);
  if (kind === 'ward') return l.wardById.get(Number(value))?.label ?? String(value);
  return String(value);
}

/** Every field with its label and shown value, in form order. */
export function displayRows(l: Lookups, v: Partial<PersonValues>, todayIso: string) {
  return PERSON_FIELDS.map((f) => ({ name: f.name, label: f.label, value: displayValue(l, f.name, v[f.name], todayIso) }));
}
