import { Db } from '../../db/knex';
import type { Choice } from '../../contracts';
import { fiscalYearOf } from '../../lib/dates';

/** A run of the category select: a parent's children under an <optgroup>, or one top-level leaf (label null). */
export interface CategoryGroup { label: string | null; options: Choice[] }

export interface CategoryRow { id: number; parent_id: number | null; name: string; retired_at: Date | null; parent_name: string | null; parent_retired_at: Date | null; has_children: boolean }

export const CODE_FIELDS = {
  method_id: 'consultation_method',
  consultee_id: 'consultee',
  age_band_id: 'age_band',
  sex_id: 'sex',
  condition_id: 'condition',
} as const;
export type CodeField = keyof typeof CODE_FIELDS;

export interface FormOptions {
  codes: Record<CodeField, Choice[]>;
  categories: CategoryGroup[];
  /** Every category (retired and parents too), for telling why a choice was refused. */
  allCategories: CategoryRow[];
  wards: Choice[];
  centers: Choice[];
  staff: Choice[];
}

/** Ids already stored on the record being edited: offered even when retired since. */
export type Keep = Partial<Record<'category_id' | 'ward_id' | 'referral_center_id' | 'staff_id' | CodeField, number | null>>;

/** Categories in master order (parents, each followed by its children), with whether each has children. */
export function allCategories(db: Db): Promise<CategoryRow[]> {
  return db('consultation_categories as m')
    .leftJoin('consultation_categories as p', 'p.id', 'm.parent_id')
    .select('m.id', 'm.parent_id', 'm.name', 'm.retired_at', 'p.name as parent_name', 'p.retired_at as parent_retired_at',
      db.raw('EXISTS (SELECT 1 FROM consultation_categories k WHERE k.parent_id = m.id) AS has_children'))
    .orderByRaw('COALESCE(p.sort_order, m.sort_order), m.parent_id NULLS FIRST, m.sort_order, m.id');
}

/** '後見人支援/身上保護' for a child, the name for a top-level category (as CSV and import write it). */
export function categoryLabel(c: { name: string; parent_name: string | null }): string {
  return c.parent_name ? `${c.parent_name}/${c.name}` : c.name;
}

/** Groups categories for a select: children under their parent's <optgroup>, top-level entries on their own. */
export function groupCategories(rows: CategoryRow[], include: (c: CategoryRow) => boolean, retired: (c: CategoryRow) => boolean): CategoryGroup[] {
  const groups: CategoryGroup[] = [];
  for (const c of rows.filter(include)) {
    const option = { id: c.id, label: c.name, retired: retired(c) };
    const last = groups[groups.length - 1];
    if (c.parent_id === null) groups.push({ label: null, options: [option] });
    else if (last && last.label !== null && last.label === c.parent_name) last.options.push(option);
    else groups.push({ label: c.parent_name, options: [option] });
  }
  return groups;
}

const isRetired = (c: CategoryRow) => c.retired_at !== null || c.parent_retired_at !== null;

/** A leaf a new record may take: no children, neither it nor its parent retired. */
export const offeredCategory = (c: CategoryRow) => !c.has_children && !isRetired(c);

async function simple(db: Db, table: string, label: string, keep: (number | null | undefined)[], where: Record<string, unknown> = {}) {
  const ids = keep.filter((v): v is number => typeof v === 'number');
  const rows: { id: number; label: string; retired_at: Date | null }[] = await db(table)
    .where(where)
    .where((q) => { q.whereNull('retired_at'); if (ids.length) q.orWhereIn('id', ids); })
    .orderBy(['sort_order', 'id']).select('id', `${label} as label`, 'retired_at');
  return rows.map((r) => ({ id: r.id, label: r.label, retired: r.retired_at !== null }));
}

/** Active staff users; a kept one (e.g. now disabled) stays selectable on its record. */
async function staffOptions(db: Db, keep: number | null | undefined): Promise<Choice[]> {
  const rows: { id: number; display_name: string; disabled_at: Date | null }[] = await db('users')
    .where((q) => { q.where('role', 'staff').whereNull('disabled_at'); if (keep) q.orWhere('id', keep); })
    .orderBy(['display_name', 'id']).select('id', 'display_name', 'disabled_at');
  return rows.map((r) => ({ id: r.id, label: r.display_name, retired: r.disabled_at !== null }));
}

/** Everything the entry form offers, plus the values the edited record already holds. */
export async function loadFormOptions(db: Db, keep: Keep = {}): Promise<FormOptions> {
  const lists = Object.values(CODE_FIELDS);
  const keepCodes = (Object.keys(CODE_FIELDS) as CodeField[]).map((f) => keep[f]).filter((v): v is number => typeof v === 'number');
  const codeRows: { id: number; list: string; label: string; retired_at: Date | null }[] = await db('code_entries')
    .whereIn('list', lists)
    .where((q) => { q.whereNull('retired_at'); if (keepCodes.length) q.orWhereIn('id', keepCodes); })
    .orderBy(['list', 'sort_order', 'id']).select('id', 'list', 'label', 'retired_at');
  const codes = Object.fromEntries((Object.entries(CODE_FIELDS) as [CodeField, string][]).map(([field, list]) => [
    field,
    codeRows.filter((r) => r.list === list).map((r) => ({ id: r.id, label: r.label, retired: r.retired_at !== null })),
  ])) as Record<CodeField, Choice[]>;
  const cats = await allCategories(db);
  const categories = groupCategories(cats, (c) => offeredCategory(c) || c.id === keep.category_id, isRetired);
  return {
    codes,
    categories,
    allCategories: cats,
    wards: await simple(db, 'wards', 'name', [keep.ward_id]),
    centers: await simple(db, 'referral_centers', 'name', [keep.referral_center_id]),
    staff: await staffOptions(db, keep.staff_id),
  };
}

/** The 年齢区分 a new record may take (to derive one from a birth date). */
export function activeAgeBands(db: Db): Promise<{ id: number; label: string }[]> {
  return db('code_entries').where({ list: CODE_FIELDS.age_band_id }).whereNull('retired_at').orderBy(['sort_order', 'id']).select('id', 'label');
}

/** The label of an id among options ('' when not found or null). */
export function labelOf(options: Choice[], id: number | null | undefined): string {
  return id ? (options.find((o) => o.id === id)?.label ?? '') : '';
}

export interface FilterOptions {
  years: number[];
  categories: Choice[];
  codes: Record<'method_id' | 'consultee_id', Choice[]>;
  wards: Choice[];
  staff: Choice[];
}

/** The list's filter choices: everything ever used, retired entries included (old years still use them). */
export async function loadFilterOptions(db: Db, currentFy: number): Promise<FilterOptions> {
  const [[{ min }], cats, codeRows, wards, staff] = await Promise.all([
    db('consultations').whereNull('deleted_at').min({ min: 'consulted_on' }),
    allCategories(db),
    db('code_entries').whereIn('list', ['consultation_method', 'consultee']).orderBy(['list', 'sort_order', 'id'])
      .select('id', 'list', 'label', 'retired_at') as Promise<{ id: number; list: string; label: string; retired_at: Date | null }[]>,
    db('wards').orderBy(['sort_order', 'id']).select('id', 'name as label') as Promise<{ id: number; label: string }[]>,
    db('users').where('role', 'staff').whereNull('disabled_at').orderBy(['display_name', 'id']).select('id', 'display_name as label') as Promise<{ id: number; label: string }[]>,
  ]);
  const first = min ? Math.min(fiscalYearOf(String(min)), currentFy) : currentFy;
  const years = Array.from({ length: currentFy - first + 1 }, (_, i) => currentFy - i);
  const categories = cats.map((c) => ({
    id: c.id, label: c.has_children ? `${c.name}（内訳すべて）` : categoryLabel(c), retired: c.retired_at !== null,
  }));
  const pick = (list: string) => codeRows.filter((r) => r.list === list).map((r) => ({ id: r.id, label: r.label, retired: r.retired_at !== null }));
  return { years, categories, codes: { method_id: pick('consultation_method'), consultee_id: pick('consultee') }, wards, staff };
}
