/** Age in full years, as people count it: one year older on the birthday. */
import { parseIso } from './calendar';

/**
 * The age on `on` of a person born on `birth` (both ISO). On the birthday the age goes up; a
 * 29 February birthday goes up on 1 March in a common year. null when `on` is before `birth`.
 */
export function ageOn(birth: string, on: string): number | null {
  const b = parseIso(birth);
  const d = parseIso(on);
  if (on < birth) return null;
  const beforeBirthday = d.month < b.month || (d.month === b.month && d.day < b.day);
  return d.year - b.year - (beforeBirthday ? 1 : 0);
}
