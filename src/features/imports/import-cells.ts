import { Knex } from 'knex';
import { parseDateInput } from '../../lib/dates';
import { badDate, emptyRequired, unknownLabel } from './import-messages';

/**
 * Cell readers shared by every import kind. Each pushes its reason (naming the column
 * and the value) onto `reasons` and returns null when the cell cannot be used.
 */

/** Label matching ignores surrounding spaces, full-/half-width forms and spaces around '/'. */
export const normalizeLabel = (s: string) => s.normalize('NFKC').replace(/\s*\/\s*/g, '/').trim();

/** A master list as label → id (retired entries included: old ledgers name them). */
export interface LabelLookup { ids: Map<string, number>; labels: Map<number, string> }

export function labelLookup(entries: { id: number; label: string }[]): LabelLookup {
  return {
    ids: new Map(entries.map((e) => [normalizeLabel(e.label), e.id])),
    labels: new Map(entries.map((e) => [e.id, e.label])),
  };
}

export async function codeListLookup(db: Knex | Knex.Transaction, list: string): Promise<LabelLookup> {
  return labelLookup(await db('code_entries').where({ list }).orderBy('sort_order').select('id', 'label'));
}

export async function wardLookup(db: Knex | Knex.Transaction): Promise<LabelLookup> {
  return labelLookup(await db('wards').orderBy('sort_order').select('id', 'name as label'));
}

export function requiredCell(column: string, value: string, reasons: string[]): string | null {
  if (value === '') {
    reasons.push(emptyRequired(column));
    return null;
  }
  return value;
}

/** Free text: '' is stored as null. */
export const optionalText = (value: string): string | null => (value === '' ? null : value);

/** A date in 西暦 or 和暦; null when empty (the caller decides whether that is allowed). */
export function dateCell(column: string, value: string, reasons: string[], required: boolean): string | null {
  if (value === '') {
    if (required) reasons.push(emptyRequired(column));
    return null;
  }
  const parsed = parseDateInput(value);
  if (!parsed.ok) {
    reasons.push(badDate(column, value));
    return null;
  }
  return parsed.iso;
}

/** A label from a master list; empty = not set (null), unknown = a reason. */
export function labelCell(column: string, value: string, lookup: LabelLookup, reasons: string[]): number | null {
  if (value === '') return null;
  const id = lookup.ids.get(normalizeLabel(value));
  if (id === undefined) reasons.push(unknownLabel(column, value));
  return id ?? null;
}

/** The label of an id for the preview; '' when not set. */
export const labelOf = (lookup: LabelLookup, id: number | null) => (id === null ? '' : lookup.labels.get(id) ?? '');
