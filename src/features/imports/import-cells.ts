import { Knex } from 'knex';

/**
 * Reading labels shared by every import kind: a master list by label, so a row's 区 or 相談方法
 * can go to the form as the id its select would send (import-form-check.ts).
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

/** The label of an id for the preview; '' when not set. */
export const labelOf = (lookup: LabelLookup, id: number | null) => (id === null ? '' : lookup.labels.get(id) ?? '');
