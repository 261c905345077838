import { Request } from 'express';
import { audit } from '../../audit/audit-writer';
import { PersonRow, PersonValues } from './persons-fields';
import { Candidate, newDuplicates, possibleDuplicates } from './persons-duplicates';
import { personColumns } from './persons-queries';
import { inTransaction, updateVersioned } from '../../db/tx';

export type CreateResult = { ok: true; id: number } | { ok: false; candidates: Candidate[] };

/**
 * Creates a person. When an unmerged person may be the same one (persons-duplicates.ts), nothing
 * is stored unless the user has confirmed it is a different person.
 */
export async function createPerson(req: Request, v: PersonValues, confirmDistinct: boolean): Promise<CreateResult> {
  const { db, clock } = req.deps;
  return inTransaction(db, async (trx) => {
    const candidates = await possibleDuplicates(trx, v);
    if (candidates.length > 0 && !confirmDistinct) return { ok: false, candidates };
    const now = clock.now();
    const [row] = await trx('persons').insert({
      ...personColumns(v), created_at: now, created_by: req.user!.id, updated_at: now, updated_by: req.user!.id,
    }).returning('id');
    await audit(req, 'person.create', 'person', row.id, trx);
    return { ok: true, id: row.id as number };
  });
}

export type UpdateResult = { ok: true } | { ok: false; reason: 'stale' } | { ok: false; reason: 'duplicate'; candidates: Candidate[] };

/**
 * Saves an edit under optimistic locking: 'stale' when the record changed (or was merged) since
 * it was opened; 'duplicate' (nothing saved) when the edit makes it match persons it did not
 * match before and the user has not confirmed it is a different person.
 */
export async function updatePerson(req: Request, before: PersonRow, version: number, v: PersonValues, confirmDistinct: boolean): Promise<UpdateResult> {
  const { db, clock } = req.deps;
  const id = before.id;
  return inTransaction(db, async (trx) => {
    const open = await trx('persons').where({ id, version }).whereNull('merged_into_id').first('id');
    if (!open) return { ok: false, reason: 'stale' };
    const candidates = confirmDistinct ? [] : await newDuplicates(trx, id, before, v);
    if (candidates.length > 0) return { ok: false, reason: 'duplicate', candidates };
    // never on a record merged away meanwhile
    const saved = await updateVersioned(trx, 'persons', id, version, { ...personColumns(v), updated_at: clock.now(), updated_by: req.user!.id }, { where: (q) => q.whereNull('merged_into_id') });
    if (!saved) return { ok: false, reason: 'stale' };
    await audit(req, 'person.update', 'person', id, trx);
    return { ok: true };
  });
}
