import { Request } from 'express';
import { audit } from '../../audit/audit-writer';
import { todayIso, toWareki } from '../../lib/dates';
import { PERSON_LINKS, personColumns } from './persons-queries';
import { PersonRow, PERSON_FIELDS, PersonValues } from './persons-fields';
import { loadLookups, displayValue, Lookups } from './persons-lookups';
import { inTransaction, updateVersioned } from '../../db/tx';
import { pickValues } from './persons-form';

const empty = (v: unknown) => v === null || v === undefined || v === '';

/**
 * The survivor's values after a merge: its empty fields filled from the other record;
 * where both hold different values the survivor's stay and the other's are written into
 * the notes, followed by the other's notes, so nothing the other record held is lost.
 */
export function planMerge(survivor: PersonRow, other: PersonRow, l: Lookups, today: string): PersonValues {
  const merged = pickValues(survivor);
  const differing: string[] = [];
  for (const f of PERSON_FIELDS) {
    if (f.name === 'notes') continue;
    const mine = survivor[f.name];
    const theirs = other[f.name];
    if (empty(theirs)) continue;
    if (empty(mine)) (merged as unknown as Record<string, unknown>)[f.name] = theirs;
    else if (String(mine) !== String(theirs)) differing.push(`・${f.label}：${displayValue(l, f.name, theirs, today)}`);
  }
  if (differing.length === 0 && empty(other.notes)) return merged;
  const block = [`【ID ${other.id} の記録を統合（${toWareki(today)}）】`];
  if (differing.length) block.push('統合した記録で異なっていた項目：', ...differing);
  if (!empty(other.notes)) block.push('統合した記録の備考：', String(other.notes));
  merged.notes = [survivor.notes, block.join('\n')].filter((s) => !empty(s)).join('\n\n');
  return merged;
}

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
