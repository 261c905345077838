import { Request } from 'express';
import { audit } from '../../audit/audit-writer';
import { todayIso } from '../../lib/dates';
import { PERSON_LINKS, personColumns } from './persons-queries';
import { PersonRow } from './persons-fields';
import { loadLookups } from './persons-lookups';
import { planMerge } from './persons-merge-plan';
import { inTransaction, updateVersioned } from '../../db/tx';

export type MergeRefusal = 'self' | 'missing' | 'merged' | 'stale';
export type MergeResult = { ok: true } | { ok: false; reason: MergeRefusal };

export interface MergeRequest { survivorId: number; otherId: number; survivorVersion: number; otherVersion: number }

class Stale extends Error {}

/**
 * Merges `other` into the survivor in ONE transaction: every linked row moves, the
 * survivor's empty fields are filled, the other row is kept and marked merged, both
 * versions bump, both are audited. Any failure rolls all of it back.
 */
export async function mergePersons(req: Request, m: MergeRequest): Promise<MergeResult> {
  if (m.survivorId === m.otherId) return { ok: false, reason: 'self' };
  const { db, clock } = req.deps;
  const now = clock.now();
  try {
    return await inTransaction(db, async (trx) => {
      const rows: PersonRow[] = await trx('persons').whereIn('id', [m.survivorId, m.otherId]).orderBy('id').forUpdate();
      const survivor = rows.find((r) => r.id === m.survivorId);
      const other = rows.find((r) => r.id === m.otherId);
      if (!survivor || !other) return { ok: false, reason: 'missing' } as const;
      if (survivor.merged_into_id || other.merged_into_id) return { ok: false, reason: 'merged' } as const;
      if (survivor.version !== m.survivorVersion || other.version !== m.otherVersion) return { ok: false, reason: 'stale' } as const;

      for (const link of PERSON_LINKS) {
        await trx(link.table).where(link.column, other.id).update({ [link.column]: survivor.id });
      }
      const values = planMerge(survivor, other, await loadLookups(trx), todayIso(now));
      const by = req.user!.id;
      const s = await updateVersioned(trx, 'persons', survivor.id, survivor.version, { ...personColumns(values), updated_at: now, updated_by: by });
      const o = await updateVersioned(trx, 'persons', other.id, other.version,
        { merged_into_id: survivor.id, merged_at: now, updated_at: now, updated_by: by }, { where: (q) => q.whereNull('merged_into_id') });
      if (!s || !o) throw new Stale();
      await audit(req, 'person.merge', 'person', survivor.id, trx);
      await audit(req, 'person.merged', 'person', other.id, trx);
      return { ok: true } as const;
    });
  } catch (err) {
    if (err instanceof Stale) return { ok: false, reason: 'stale' };
    throw err;
  }
}
