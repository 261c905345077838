import { Knex } from 'knex';
import { normalizeLabel, shown } from '../imports';

/** 相談種別 by its written label: a top-level name, or a child as 親/子 (e.g. 後見人支援/身上保護). */
export interface CategoryLookup {
  byLabel: Map<string, { id: number; leaf: boolean; label: string; firstChild?: string }>;
  /** a child's bare name → its full 親/子 label, to hint when the parent was left out */
  childNames: Map<string, string>;
  labels: Map<number, string>;
}

export const CATEGORY_COLUMN = '相談種別';

export const categoryNeedsParent = (value: string, full: string) =>
  `${CATEGORY_COLUMN}「${shown(value)}」は「${full}」のように上位の種別も書いてください`;

/** Every category, retired ones included (old ledgers use them; the tally keeps them). */
export async function loadCategories(db: Knex | Knex.Transaction): Promise<CategoryLookup> {
  const rows: { id: number; parent_id: number | null; name: string }[] = await db('consultation_categories')
    .orderBy([{ column: 'parent_id', order: 'asc', nulls: 'first' }, { column: 'sort_order' }])
    .select('id', 'parent_id', 'name');
  const names = new Map(rows.map((r) => [r.id, r.name]));
  const firstChild = new Map<number, string>();
  for (const r of rows) if (r.parent_id !== null && !firstChild.has(r.parent_id)) firstChild.set(r.parent_id, r.name);
  const lookup: CategoryLookup = { byLabel: new Map(), childNames: new Map(), labels: new Map() };
  for (const r of rows) {
    const label = r.parent_id === null ? r.name : `${names.get(r.parent_id)}/${r.name}`;
    const child = firstChild.get(r.id);
    lookup.byLabel.set(normalizeLabel(label), { id: r.id, leaf: child === undefined, label, firstChild: child && `${label}/${child}` });
    lookup.labels.set(r.id, label);
    if (r.parent_id !== null && !lookup.childNames.has(normalizeLabel(r.name))) lookup.childNames.set(normalizeLabel(r.name), label);
  }
  return lookup;
}
