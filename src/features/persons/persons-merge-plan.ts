import { toWareki } from '../../lib/dates';
import { PERSON_FIELDS, PersonRow, PersonValues } from './persons-fields';
import { displayValue, Lookups } from './persons-lookups';
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
