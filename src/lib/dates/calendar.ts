/**
 * Calendar days as ISO date strings ('YYYY-MM-DD'): a date string names a calendar day, nothing
 * more (no time of day, no time zone). Validation here; the arithmetic is dayjs's.
 */
import dayjs, { Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidYmd(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 0 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** True for a well-formed, existing calendar date such as '2024-02-29'. */
export function isValidIso(iso: string): boolean {
  const m = typeof iso === 'string' ? ISO_RE.exec(iso) : null;
  return m !== null && isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Splits an ISO date; throws RangeError on anything that is not a real 'YYYY-MM-DD' date. */
export function parseIso(iso: string): Ymd {
  const m = typeof iso === 'string' ? ISO_RE.exec(iso) : null;
  const ymd = m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
  if (!ymd || !isValidYmd(ymd.year, ymd.month, ymd.day)) {
    throw new RangeError(`Invalid ISO date: ${JSON.stringify(iso)}`);
  }
  return ymd;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export function formatIso(year: number, month: number, day: number): string {
  if (!isValidYmd(year, month, day)) throw new RangeError(`Invalid date: ${year}-${month}-${day}`);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/**
 * The day as dayjs sees it, in UTC so the server's time zone never shifts it. dayjs does the
 * counting; parseIso and formatIso keep the strictness (only a real 'YYYY-MM-DD' goes in or
 * comes out). dayjs reads a year below 100 as 19xx, so those are refused rather than miscounted:
 * no date the app takes in is before 1900.
 */
function day(iso: string): Dayjs {
  if (parseIso(iso).year < 100) throw new RangeError(`Year before 100 not supported: ${iso}`);
  return dayjs.utc(iso);
}

const isoOf = (d: Dayjs): string => formatIso(d.year(), d.month() + 1, d.date());

/** The date `n` calendar days after `iso` (n may be negative). */
export function addDays(iso: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`Day count must be an integer: ${n}`);
  return isoOf(day(iso).add(n, 'day'));
}

/**
 * The same day `n` years later (earlier when n < 0); 29 February becomes 28 February in a
 * common year. (Not the rule for birthdays or for a year of activity: see ageOn and
 * oneYearAfter, where a year from 29 February is reached on 1 March.)
 */
export function addYears(iso: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`Year count must be an integer: ${n}`);
  return isoOf(day(iso).add(n, 'year'));
}

/** Calendar days from `fromIso` to `toIso` (to − from; negative when `toIso` is earlier). */
export function daysBetween(fromIso: string, toIso: string): number {
  return day(toIso).diff(day(fromIso), 'day');
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(iso: string): number {
  return day(iso).day();
}
