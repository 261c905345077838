import { Request } from 'express';
import { Knex } from 'knex';
import { audit } from '../../../audit/audit-writer';
import { inTransaction, updateVersioned } from '../../../db/tx';
import { PetitionValues, pickValues } from '../petitions-fields';
import { recordChanges, writeHistory } from '../petitions-history';
import { PetitionOptions } from '../petitions-options';
import { CreateForm, EditForm } from './petitions-schema';
import { scopedPetitions } from '../petitions-scope';

async function replaceMotives(trx: Knex.Transaction, petitionId: number, ids: number[]): Promise<void> {
  await trx('petition_motives').where({ petition_id: petitionId }).del();
  if (ids.length) await trx('petition_motives').insert(ids.map((motive_id) => ({ petition_id: petitionId, motive_id })));
}

/** A new petition at stage 1, its motives, a history line and the audit row, in one transaction. */
export async function createPetition(req: Request, f: CreateForm): Promise<number> {
  const { db, clock } = req.deps;
  const now = clock.now();
  const by = req.user!.id;
  return inTransaction(db, async (trx) => {
    const [row] = await trx('petitions').insert({
      person_id: f.person_id, ward_id: f.ward_id, legal_basis_id: f.legal_basis_id, reason: f.reason, reason_note: f.reason_note,
      urgency: f.urgency, referral_source: f.referral_source, type_sought_id: f.type_sought_id,
      created_at: now, created_by: by, updated_at: now, updated_by: by,
    }).returning('id');
    await replaceMotives(trx, row.id, f.motive_ids);
    await writeHistory(trx, row.id, by, now, [{ field: '登録', old: null, new: '市長申立てを登録' }]);
    await audit(req, 'petition.create', 'petition', row.id, trx);
    return row.id as number;
  });
}

export type UpdateResult = 'ok' | 'conflict' | 'missing';

/**
 * Saves the edit form if nobody changed the petition (or its stages, relatives, documents) since
 * `version` was read. Each changed field gets a history line; a new ward is audited on its own.
 */
export async function updatePetition(req: Request, id: number, f: EditForm, o: PetitionOptions): Promise<UpdateResult> {
  const { db, clock } = req.deps;
  const now = clock.now();
  const by = req.user!.id;
  return inTransaction(db, async (trx) => {
    const before = await scopedPetitions(trx, req.user!).where('p.id', id).forUpdate().first('p.*');
    if (!before) return 'missing';
    if (before.version !== f.version) return 'conflict';
    const motives: { motive_id: number }[] = await trx('petition_motives').where({ petition_id: id }).orderBy('motive_id').select('motive_id');
    const values: PetitionValues = pickValues(f as unknown as Record<string, unknown>);
    const changes = recordChanges(o, { ...pickValues(before), motive_ids: motives.map((m) => m.motive_id) }, { ...values, motive_ids: f.motive_ids });
    if (!(await updateVersioned(trx, 'petitions', id, f.version, { ...values, updated_at: now, updated_by: by }))) return 'conflict';
    await replaceMotives(trx, id, f.motive_ids);
    await writeHistory(trx, id, by, now, changes);
    await audit(req, 'petition.update', 'petition', id, trx);
    if (before.ward_id !== values.ward_id) await audit(req, 'petition.ward_change', 'petition', id, trx);
    return 'ok';
  });
}
