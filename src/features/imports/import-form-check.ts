/**
 * An import row goes through the form(s) that enter the same record by hand: its cells are put
 * under the form's field names, the form's own schema and rules run (never a copy of them), and
 * each error comes back in the form's words, followed by the column and what was written there.
 * So a row is refused exactly when the form would refuse it. What an import does differently
 * (columns the form lacks, historical steps) is written next to each kind, not here.
 */
import type { ErrorItem } from '../../http/forms';
import { shown } from './import-messages';
import type { Cells, RowResult } from '../../contracts/import-kind';
import { Knex } from 'knex';

/**
 * An id no master reaches. A label the master does not know goes to the form as this id, so the
 * form answers as it does for a choice it did not offer (「…を選択肢から選んでください」).
 */
export const NOT_OFFERED = '999999999';

/** A label as the form's select would send it: its id, '' when blank, NOT_OFFERED when unknown. */
export function choiceOf(lookup: LabelLookup, value: string): string {
  if (value === '') return '';
  const id = lookup.ids.get(normalizeLabel(value));
  return id === undefined ? NOT_OFFERED : String(id);
}

/**
 * The body a browser posts: every field of the form's schema, '' where the ledger says nothing
 * (undefined for checkboxes: an unticked one is not posted).
 */
export function formBody(shape: object, values: Record<string, string | undefined>): Record<string, string | undefined> {
  return { ...Object.fromEntries(Object.keys(shape).map((k) => [k, ''])), ...values };
}

/** How a form's fields relate to the ledger's columns. */
export interface FormMapping {
  /** form field → the column its value was read from */
  columns: Record<string, string>;
  /**
   * Fields the ledger has no column for, given a stand-in so the form can check the rest (never
   * stored). Their errors only echo another column's (a stand-in copied from it): not repeated.
   */
  standIns?: readonly string[];
  /** fields the import settles otherwise (the person, matched by kana + birth date): their errors are not the row's */
  ignored?: readonly string[];
  /** form field → what to say in brackets instead of the cell as written (why a label was not found) */
  details?: Record<string, string>;
}

/** 「相談日「2030-01-01」」, or 「相談種別が空欄です」. */
export const cellNote = (column: string, value: string) => (value === '' ? `${column}が空欄です` : `${column}「${shown(value)}」`);

/**
 * The reasons a row is refused, collected over the forms it goes through and the import's own
 * checks (pushed onto `reasons`). One reason per column: a date two forms check is told once.
 */
export function rowReasons(cells: Cells) {
  const reasons: string[] = [];
  const echoes: string[] = [];
  const told = new Set<string>();
  let refused = false;
  return {
    reasons,
    /** Adds a form's errors; true when the form refused the row. */
    form(errors: ErrorItem[], m: FormMapping): boolean {
      const counted = errors.filter((e) => !m.ignored?.includes(e.field));
      for (const { field, message } of counted) {
        refused = true;
        const column = m.columns[field];
        if (m.standIns?.includes(field)) echoes.push(message);
        else if (column === undefined) reasons.push(message);
        else if (!told.has(column)) {
          told.add(column);
          reasons.push(`${message}（${m.details?.[field] ?? cellNote(column, cells[column] ?? '')}）`);
        }
      }
      return counted.length > 0;
    },
    /**
     * The row's result: its record when nothing objected; refused, never without a reason, if a
     * form or check did (or there is no record: a form that refused gives none).
     */
    done<R>(record: R | null, warnings?: string[]): RowResult<R> {
      if (reasons.length > 0 || refused || record === null) return { ok: false, reasons: reasons.length > 0 ? reasons : echoes };
      return { ok: true, record, ...(warnings?.length ? { warnings } : {}) };
    },
  };
}

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
