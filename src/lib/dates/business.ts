/**
 * Business days: not Saturday/Sunday, not a national holiday (incl. 振替休日 and 国民の休日,
 * from @holiday-jp/holiday_jp, whose table covers 1970–2050), and not the 12/29–1/3 office closure.
 */
import holidayJp from '@holiday-jp/holiday_jp';
import { addDays, dayOfWeek, parseIso } from './calendar';

const HOLIDAYS: Readonly<Record<string, unknown>> = holidayJp.holidays;

/** True for a Japanese national holiday, including substitute holidays. */
export function isHoliday(iso: string): boolean {
  parseIso(iso);
  return Object.prototype.hasOwnProperty.call(HOLIDAYS, iso);
}

/** 年末年始 closure: 29 December – 3 January. */
export function isOfficeClosure(iso: string): boolean {
  const { month, day } = parseIso(iso);
  return (month === 12 && day >= 29) || (month === 1 && day <= 3);
}

export function isBusinessDay(iso: string): boolean {
  const dow = dayOfWeek(iso);
  return dow !== 0 && dow !== 6 && !isHoliday(iso) && !isOfficeClosure(iso);
}

/**
 * The n-th business day after `iso` (before it when n < 0). `iso` itself need not be a
 * business day and is never counted; n = 0 returns `iso` unchanged.
 */
export function addBusinessDays(iso: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`Business-day count must be an integer: ${n}`);
  parseIso(iso);
  const step = n < 0 ? -1 : 1;
  let date = iso;
  for (let remaining = Math.abs(n); remaining > 0; ) {
    date = addDays(date, step);
    if (isBusinessDay(date)) remaining--;
  }
  return date;
}

/**
 * Business days after `fromIso` up to and including `toIso`. Negative (the count in
 * (toIso, fromIso]) when `toIso` is earlier; 0 when equal.
 */
export function businessDaysBetween(fromIso: string, toIso: string): number {
  parseIso(fromIso);
  parseIso(toIso);
  if (toIso < fromIso) return -businessDaysBetween(toIso, fromIso);
  let count = 0;
  for (let d = addDays(fromIso, 1); d <= toIso; d = addDays(d, 1)) {
    if (isBusinessDay(d)) count++;
  }
  return count;
}
