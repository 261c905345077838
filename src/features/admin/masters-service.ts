import { Request } from 'express';
import { audit } from '../../audit/audit-writer';
import { ANY_VERSION, inTransaction, updateVersioned } from '../../db/tx';
import { unlessTaken } from '../../db/unique';
import { MasterKind } from './masters-kinds';
import { findMaster, nameTaken, nextSortOrder } from './masters-queries';
import { MasterCreateForm, MasterUpdateForm, MASTER_MESSAGES } from './masters-schema';

export type MasterResult = { ok: true } | { ok: false; field: string; message: string } | { ok: false; conflict: true };

/** The unique indexes on the masters' names: an add or rename racing another of the same name breaks one. */
const NAME_INDEXES = ['wards_name_unique', 'consultation_categories_name_uq', 'referral_centers_name_unique', 'code_entries_list_label_unique'];
const NAME_TAKEN: MasterResult = { ok: false, field: 'name', message: MASTER_MESSAGES.nameTaken };

export async function addMaster(req: Request, k: MasterKind, form: MasterCreateForm): Promise<MasterResult> {
  const { db } = req.deps;
  return unlessTaken(NAME_INDEXES, NAME_TAKEN, () => inTransaction(db, async (trx): Promise<MasterResult> => {
    const parentId = k.extra === 'parent' ? form.parent_id : null;
    if (parentId) {
      const parent = await trx(k.table).where({ id: parentId }).whereNull('parent_id').first();
      if (!parent) return { ok: false, field: 'parent_id', message: MASTER_MESSAGES.parent };
    }
    if (k.extra === 'centerKind' && !form.kind) return { ok: false, field: 'kind', message: MASTER_MESSAGES.kind };
    if (await nameTaken(trx, k, form.name, parentId)) return NAME_TAKEN;
    const row: Record<string, unknown> = { [k.nameColumn]: form.name, sort_order: await nextSortOrder(trx, k, parentId), ...(k.scope ?? {}) };
    if (k.extra === 'parent') row.parent_id = parentId;
    if (k.extra === 'centerKind') row.kind = form.kind;
    const [{ id }] = await trx(k.table).insert(row).returning('id');
    await audit(req, 'master.create', k.table, id, trx);
    return { ok: true };
  }));
}

export async function updateMaster(req: Request, k: MasterKind, id: number, form: MasterUpdateForm): Promise<MasterResult> {
  const { db, clock } = req.deps;
  return unlessTaken(NAME_INDEXES, NAME_TAKEN, () => inTransaction(db, async (trx): Promise<MasterResult> => {
    const current = await findMaster(trx, k, id);
    if (await nameTaken(trx, k, form.name, current?.parent_id ?? null, id)) return NAME_TAKEN;
    const ok = await updateVersioned(trx, k.table, id, form.version, { [k.nameColumn]: form.name, sort_order: form.sort_order, updated_at: clock.now() });
    if (!ok) return { ok: false, conflict: true };
    await audit(req, 'master.update', k.table, id, trx);
    return { ok: true };
  }));
}

/** Retired entries stop being offered on forms; their history and past tables keep them. */
export async function setRetired(req: Request, k: MasterKind, id: number, retired: boolean): Promise<void> {
  const { db, clock } = req.deps;
  await inTransaction(db, async (trx) => {
    await updateVersioned(trx, k.table, id, ANY_VERSION, { retired_at: retired ? clock.now() : null, updated_at: clock.now() }, { where: k.scope });
    await audit(req, retired ? 'master.retire' : 'master.restore', k.table, id, trx);
  });
}
