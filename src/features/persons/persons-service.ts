import { Request } from 'express';
import { audit } from '../../audit/audit-writer';
import { kanaSearchKey } from '../../lib/kana';
import { PersonValues } from './persons-fields';
import { Candidate, duplicateCandidates, personColumns } from './persons-queries';

export type CreateResult = { ok: true; id: number } | { ok: false; candidates: Candidate[] };

/**
 * Creates a person. When an unmerged person has the same kana and birth date, nothing is
 * stored unless the user has confirmed it is a different person.
 */
export async function createPerson(req: Request, v: PersonValues, confirmDistinct: boolean): Promise<CreateResult> {
  const { db, clock } = req.deps;
  return db.transaction(async (trx) => {
    const candidates = await duplicateCandidates(trx, kanaSearchKey(v.name_kana), v.birth_date);
    if (candidates.length > 0 && !confirmDistinct) return { ok: false, candidates };
    const now = clock.now();
    const [row] = await trx('persons').insert({
      ...personColumns(v), created_at: now, created_by: req.user!.id, updated_at: now, updated_by: req.user!.id,
    }).returning('id');
    await audit(req, 'person.create', 'person', row.id, trx);
    return { ok: true, id: row.id as number };
  });
}

/** Saves an edit under optimistic locking; false when the record changed (or was merged) since it was opened. */
export async function updatePerson(req: Request, id: number, version: number, v: PersonValues): Promise<boolean> {
  const { db, clock } = req.deps;
  return db.transaction(async (trx) => {
    // updateVersioned's rule (id + version), and never on a record merged away meanwhile.
    const n = await trx('persons').where({ id, version }).whereNull('merged_into_id').update({
      ...personColumns(v), updated_at: clock.now(), updated_by: req.user!.id, version: version + 1,
    });
    const ok = n === 1;
    if (ok) await audit(req, 'person.update', 'person', id, trx);
    return ok;
  });
}
