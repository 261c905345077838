/**
 * 年齢区分 from the linked person's birth date and the consultation date. The bands are master data
 * (code list age_band); each label reads as a range: 40歳未満, 40歳代, 60〜64歳, 85歳以上, 70歳.
 * A label that reads as no range (不明) is never derived.
 */
import { ageOn } from '../../lib/dates';

export interface AgeRange { min: number; max: number }

/** The ages a band's label covers, or null ('不明', or a label that is not a range). */
export function bandRange(label: string): AgeRange | null {
  const s = label.normalize('NFKC').replace(/\s+/g, '');
  let m = /^(\d{1,3})歳未満$/.exec(s);
  if (m) return { min: 0, max: Number(m[1]) - 1 };
  m = /^(\d{1,3})歳代$/.exec(s);
  if (m) return { min: Number(m[1]), max: Number(m[1]) + 9 };
  m = /^(\d{1,3})歳?[〜~\-–]\s*(\d{1,3})歳$/.exec(s);
  if (m) return { min: Number(m[1]), max: Number(m[2]) };
  m = /^(\d{1,3})歳以上$/.exec(s);
  if (m) return { min: Number(m[1]), max: Infinity };
  m = /^(\d{1,3})歳$/.exec(s);
  return m ? { min: Number(m[1]), max: Number(m[1]) } : null;
}

export interface Band { id: number; label: string }

/** The band (of those offered) holding `age`, or null. */
export function bandForAge(bands: Band[], age: number): number | null {
  return bands.find((b) => {
    const r = bandRange(b.label);
    return r !== null && age >= r.min && age <= r.max;
  })?.id ?? null;
}

/** The band of a person born on `birth` at the consultation on `on` (both ISO), or null when unknown. */
export function deriveAgeBand(bands: Band[], birth: string | null, on: string | null): number | null {
  if (!birth || !on) return null;
  const age = ageOn(birth, on);
  return age === null ? null : bandForAge(bands, age);
}

/** The bands as the form's script reads them: id and the age range (max null: no upper bound). */
export const bandRanges = (bands: Band[]) => bands.flatMap((b) => {
  const r = bandRange(b.label);
  return r ? [{ id: b.id, min: r.min, max: Number.isFinite(r.max) ? r.max : null }] : [];
});
