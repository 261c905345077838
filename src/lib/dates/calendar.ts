/**
 * Proleptic-Gregorian arithmetic on ISO date strings ('YYYY-MM-DD').
 * No Date objects and no time zones: a date string names a calendar day, nothing more.
 */

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

/** Days since 1970-01-01 (H. Hinnant's days_from_civil). */
function toEpochDay({ year, month, day }: Ymd): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromEpochDay(days: number): Ymd {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** The date `n` calendar days after `iso` (n may be negative). */
export function addDays(iso: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`Day count must be an integer: ${n}`);
  const r = fromEpochDay(toEpochDay(parseIso(iso)) + n);
  return formatIso(r.year, r.month, r.day);
}

/** Calendar days from `fromIso` to `toIso` (to − from; negative when `toIso` is earlier). */
export function daysBetween(fromIso: string, toIso: string): number {
  return toEpochDay(parseIso(toIso)) - toEpochDay(parseIso(fromIso));
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(iso: string): number {
  // 1970-01-01 was a Thursday (4).
  return (((toEpochDay(parseIso(iso)) + 4) % 7) + 7) % 7;
}
