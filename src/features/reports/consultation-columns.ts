/**
 * The category columns of a consultation table: the leaf categories in master order, grouped
 * under their parent, then 合計. A retired leaf (or a leaf under a retired parent) is shown
 * only in a year where it has consultations, so old years keep their history.
 */
import type { Knex } from 'knex';
import { groupedHeader, HeaderGroup, TOTAL_COLUMN, type Column, type HeaderCell } from '../../lib/table/table';

export interface CategoryRow {
  id: number;
  parent_id: number | null;
  name: string;
  retired: boolean;
}

/** Label of the column for consultations filed under a parent before it was given children. */
export const PARENT_ITSELF_LABEL = '内訳なし';

export function loadCategories(db: Knex): Promise<CategoryRow[]> {
  return db('consultation_categories')
    .orderBy([{ column: 'sort_order' }, { column: 'id' }])
    .select('id', 'parent_id', 'name', db.raw('retired_at IS NOT NULL AS retired'));
}

export interface CategoryColumns {
  headerRows: HeaderCell[][];
  columns: Column[];
  /** The category id counted in each data column (without the trailing 合計). */
  categoryIds: number[];
}

/** `counted`: the categories that have consultations in the table's year (under its filters). */
export function categoryColumns(categories: CategoryRow[], counted: Set<number>): CategoryColumns {
  const childrenOf = new Map<number, CategoryRow[]>();
  for (const c of categories) {
    if (c.parent_id !== null) childrenOf.set(c.parent_id, [...(childrenOf.get(c.parent_id) ?? []), c]);
  }
  const shown = (c: CategoryRow, parentRetired: boolean): boolean => (!c.retired && !parentRetired) || counted.has(c.id);
  const groups: HeaderGroup[] = [];
  const categoryIds: number[] = [];
  for (const parent of categories.filter((c) => c.parent_id === null)) {
    const children = childrenOf.get(parent.id) ?? [];
    if (children.length === 0) {
      if (!shown(parent, false)) continue;
      groups.push({ key: `c${parent.id}`, label: parent.name });
      categoryIds.push(parent.id);
      continue;
    }
    const leaves = children.filter((c) => shown(c, parent.retired)).map((c) => ({ key: `c${c.id}`, label: c.name, id: c.id }));
    if (counted.has(parent.id)) leaves.push({ key: `c${parent.id}`, label: PARENT_ITSELF_LABEL, id: parent.id });
    if (leaves.length === 0) continue;
    groups.push({ label: parent.name, children: leaves.map(({ key, label }) => ({ key, label })) });
    categoryIds.push(...leaves.map((l) => l.id));
  }
  return { ...groupedHeader(groups, [TOTAL_COLUMN]), categoryIds };
}
