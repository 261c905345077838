import { Knex } from 'knex';
import { Db } from '../../db/knex';
import { MasterKind } from './masters-kinds';

export interface Ward { id: number; name: string }

export function activeWards(db: Db): Promise<Ward[]> {
  return db('wards').whereNull('retired_at').orderBy(['sort_order', 'id']).select('id', 'name');
}

export interface MasterRow {
  id: number;
  name: string;
  sort_order: number;
  retired_at: Date | null;
  version: number;
  parent_id?: number | null;
  parent_name?: string | null;
  kind?: string;
}

/** Every entry, retired ones included, in display order (categories: parents then their children). */
export function listMaster(db: Db, k: MasterKind): Promise<MasterRow[]> {
  const q = db(`${k.table} as m`).where(k.scope ? Object.fromEntries(Object.entries(k.scope).map(([c, v]) => [`m.${c}`, v])) : {});
  if (k.extra === 'parent') {
    return q.leftJoin(`${k.table} as p`, 'p.id', 'm.parent_id')
      .select('m.id', 'm.name', 'm.sort_order', 'm.retired_at', 'm.version', 'm.parent_id', 'p.name as parent_name')
      .orderByRaw('COALESCE(p.sort_order, m.sort_order), COALESCE(m.parent_id, m.id), m.parent_id NULLS FIRST, m.sort_order, m.id');
  }
  return q.select('m.id', `m.${k.nameColumn} as name`, 'm.sort_order', 'm.retired_at', 'm.version', ...(k.extra === 'centerKind' ? ['m.kind'] : []))
    .orderBy(['m.sort_order', 'm.id']);
}

export function findMaster(db: Db | Knex.Transaction, k: MasterKind, id: number) {
  return db(k.table).where({ id, ...(k.scope ?? {}) }).first();
}

export async function nameTaken(db: Db | Knex.Transaction, k: MasterKind, name: string, parentId: number | null, exceptId?: number): Promise<boolean> {
  const q = db(k.table).where({ [k.nameColumn]: name, ...(k.scope ?? {}) });
  if (k.extra === 'parent') q.whereRaw('COALESCE(parent_id, 0) = ?', [parentId ?? 0]);
  if (exceptId) q.whereNot({ id: exceptId });
  return Boolean(await q.first('id'));
}

export async function nextSortOrder(db: Db | Knex.Transaction, k: MasterKind, parentId: number | null): Promise<number> {
  const q = db(k.table).where(k.scope ?? {});
  if (k.extra === 'parent') q.whereRaw('COALESCE(parent_id, 0) = ?', [parentId ?? 0]);
  const [{ max }] = await q.max({ max: 'sort_order' });
  return (Number(max) || 0) + 1;
}

export function topLevelCategories(db: Db) {
  return db('consultation_categories').whereNull('parent_id').orderBy('sort_order').select('id', 'name', 'retired_at');
}
