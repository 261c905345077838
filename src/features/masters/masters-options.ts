/**
 * Master data as forms and pages read it: code lists (code_entries) and wards in master order,
 * retired entries included so stored values still show, offered to new records only while active.
 * Editing the masters is the admin feature's (admin/masters-*).
 */
import type { Knex } from 'knex';
import type { Choice, SelectOption } from '../../contracts';

type Conn = Knex | Knex.Transaction;

/** One code list in master order, retired entries included. */
export function codeChoices(db: Conn, list: string): Promise<Choice[]> {
  return db('code_entries').where({ list }).orderBy([{ column: 'sort_order' }, { column: 'id' }])
    .select('id', 'label', db.raw('retired_at is not null as retired'));
}

/** The wards in master order, retired ones included. */
export function wardChoices(db: Conn): Promise<Choice[]> {
  return db('wards').orderBy([{ column: 'sort_order' }, { column: 'id' }])
    .select('id', 'name as label', db.raw('retired_at is not null as retired'));
}

/** Code lists and wards a record refers to, retired entries included, also by id (for showing stored values). */
export interface MasterOptions {
  lists: Record<string, Choice[]>;
  wards: Choice[];
  /** every code entry read, retired included */
  byId: Map<number, Choice>;
  wardById: Map<number, Choice>;
}

/** The entries of `lists` and the wards; `include` keeps an entry out of its list (it is still found by id). */
export async function loadMasterOptions(
  db: Conn, lists: readonly string[], include: (c: Choice & { list: string }) => boolean = () => true,
): Promise<MasterOptions> {
  const [codes, wards] = await Promise.all([
    db('code_entries').whereIn('list', lists)
      .orderBy([{ column: 'list' }, { column: 'sort_order' }, { column: 'id' }])
      .select('id', 'list', 'label', db.raw('retired_at is not null as retired')) as Promise<(Choice & { list: string })[]>,
    wardChoices(db),
  ]);
  const byList: Record<string, Choice[]> = Object.fromEntries(lists.map((l) => [l, []]));
  for (const c of codes) if (include(c)) byList[c.list].push({ id: c.id, label: c.label, retired: c.retired });
  return { lists: byList, wards, byId: new Map(codes.map((c) => [c.id, c])), wardById: new Map(wards.map((w) => [w.id, w])) };
}

/** What a form offers: active entries plus those the record already holds. */
export function offered(choices: Choice[], held: number | null | undefined | number[]): Choice[] {
  const keep = new Set(Array.isArray(held) ? held : held ? [held] : []);
  return choices.filter((c) => !c.retired || keep.has(c.id));
}

/** For the select partial: { value, label } with （使用停止） marked. */
export function selectOptions(choices: Choice[]): SelectOption[] {
  return choices.map((c) => ({ value: c.id, label: c.retired ? `${c.label}（使用停止）` : c.label }));
}

/** A code entry's label; '' for null or an id not read. */
export function labelOf(o: MasterOptions, id: number | null | undefined): string {
  return id ? (o.byId.get(id)?.label ?? '') : '';
}

/** A ward's name; '' for null or an id not read. */
export function wardLabel(o: MasterOptions, id: number | null | undefined): string {
  return id ? (o.wardById.get(id)?.label ?? '') : '';
}
