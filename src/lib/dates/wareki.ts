/**
 * 和暦 (Japanese era) conversion. The era table is explicit rather than read back from
 * Intl's japanese calendar: Node's ICU formats that calendar as '令和1/5/1' (no 元年, no
 * 年月日), and parsing needs the same table anyway. The test file cross-checks this table
 * against Intl.DateTimeFormat('ja-JP-u-ca-japanese', { timeZone: 'Asia/Tokyo' }).
 */
import { formatIso, parseIso } from './calendar';

export interface Era {
  name: string;
  /** Romaji initial used in abbreviated input such as R7.4.1. */
  letter: string;
  /** First day of the era (ISO). */
  start: string;
  startYear: number;
}

/** Oldest first. 明治 starts on its Gregorian proclamation date, as ICU does. */
export const ERAS: readonly Era[] = [
  { name: '明治', letter: 'M', start: '1868-10-23', startYear: 1868 },
  { name: '大正', letter: 'T', start: '1912-07-30', startYear: 1912 },
  { name: '昭和', letter: 'S', start: '1926-12-25', startYear: 1926 },
  { name: '平成', letter: 'H', start: '1989-01-08', startYear: 1989 },
  { name: '令和', letter: 'R', start: '2019-05-01', startYear: 2019 },
];

/** The era in force on `iso`, or undefined before 明治. */
export function eraOn(iso: string): Era | undefined {
  parseIso(iso);
  // ISO strings with 4-digit years compare correctly as strings.
  for (let i = ERAS.length - 1; i >= 0; i--) {
    if (iso >= ERAS[i].start) return ERAS[i];
  }
  return undefined;
}

/** First ISO day after `era` ends, or undefined for the current era. */
export function eraEnd(era: Era): string | undefined {
  const next = ERAS[ERAS.indexOf(era) + 1];
  return next?.start;
}

/** '元年' for year one, otherwise 'N年'. */
function eraYearText(n: number): string {
  return n === 1 ? '元年' : `${n}年`;
}

function requireEra(iso: string): Era {
  const era = eraOn(iso);
  if (!era) throw new RangeError(`Date before 明治 has no supported era: ${iso}`);
  return era;
}

/** '2025-04-01' → '令和7年4月1日'; '2019-05-01' → '令和元年5月1日'. Throws RangeError on bad input. */
export function toWareki(iso: string): string {
  const { year, month, day } = parseIso(iso);
  const era = requireEra(iso);
  return `${era.name}${eraYearText(year - era.startYear + 1)}${month}月${day}日`;
}

/** '2025-04-01' → '令和7年4月1日（2025年）'. */
export function toWarekiWithWestern(iso: string): string {
  return `${toWareki(iso)}（${parseIso(iso).year}年）`;
}

/** The calendar year's name as at 31 December: 2019 → '令和元年', 1989 → '平成元年'. */
export function warekiYear(year: number): string {
  if (!Number.isInteger(year)) throw new RangeError(`Year must be an integer: ${year}`);
  const era = requireEra(formatIso(year, 12, 31));
  return `${era.name}${eraYearText(year - era.startYear + 1)}`;
}
