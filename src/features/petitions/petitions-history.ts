import { Knex } from 'knex';
import { ANY_VERSION, updateVersioned } from '../../db/tx';
import { displayValue, FIELDS, MOTIVES_LABEL, motivesText, PetitionValues } from './petitions-fields';
import { PetitionOptions } from './petitions-options';

/** One line of a petition's history: which field (its label), from what to what, as a person reads it. */
export interface Change { field: string; old: string | null; new: string | null }

const same = (a: unknown, b: unknown) => String(a ?? '') === String(b ?? '');

/** The record fields (and motives) that differ, old → new as displayed; unchanged fields give nothing. */
export function recordChanges(
  o: PetitionOptions,
  before: PetitionValues & { motive_ids: number[] },
  after: PetitionValues & { motive_ids: number[] },
): Change[] {
  const out: Change[] = [];
  for (const def of FIELDS) {
    if (same(before[def.name], after[def.name])) continue;
    out.push({ field: def.label, old: displayValue(o, def, before[def.name]) || null, new: displayValue(o, def, after[def.name]) || null });
  }
  if (before.motive_ids.join(',') !== after.motive_ids.join(',')) {
    out.push({ field: MOTIVES_LABEL, old: motivesText(o, before.motive_ids) || null, new: motivesText(o, after.motive_ids) || null });
  }
  return out;
}

/** Writes the changes inside the caller's transaction, all stamped with one moment and user. */
export async function writeHistory(trx: Knex.Transaction, petitionId: number, userId: number, at: Date, changes: Change[]): Promise<void> {
  if (changes.length === 0) return;
  await trx('petition_history').insert(changes.map((c) => ({
    petition_id: petitionId, at, user_id: userId, field: c.field, old_value: c.old, new_value: c.new,
  })));
}

/** Moves the version on (children changed), so an edit form opened before gets the conflict page. */
export function touchPetition(trx: Knex.Transaction, petitionId: number, userId: number, at: Date, extra: Record<string, unknown> = {}) {
  return updateVersioned(trx, 'petitions', petitionId, ANY_VERSION, { ...extra, updated_at: at, updated_by: userId });
}
