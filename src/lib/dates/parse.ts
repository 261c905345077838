/** Free-text date entry: 西暦 or 和暦, half- or full-width. */
import { formatIso, isValidYmd, parseIso } from './calendar';
import { ERAS, Era, eraEnd, toWareki } from './wareki';

export type ParseDateResult = { ok: true; iso: string } | { ok: false };

export const MIN_INPUT_YEAR = 1900;
export const MAX_INPUT_YEAR = 2100;

const ERA = '(明治|大正|昭和|平成|令和|[MTSHR])';
/** 2025年4月1日, 令和7年4月1日, 令和元年5月1日, R7年4月1日 */
const KANJI_RE = new RegExp(`^${ERA}?\\s*(元|\\d{1,4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日$`, 'i');
/** 2025-04-01, 2025/4/1, 2025.4.1, R7.4.1, r7/4/1, H31.4.30, 令和7.4.1 (from ㋿7.4.1) */
const SEPARATED_RE = new RegExp(`^${ERA}?\\s*(元|\\d{1,4})\\s*([-/.])\\s*(\\d{1,2})\\s*\\3\\s*(\\d{1,2})$`, 'i');
/** 20250401 */
const COMPACT_RE = /^(\d{4})(\d{2})(\d{2})$/;
/** Hyphen look-alikes that NFKC leaves alone (‐ ‑ ‒ – — ― − ー). */
const DASH_RE = /[\u2010-\u2015\u2212\u30fc]/g;

const FAIL: ParseDateResult = { ok: false };

function findEra(token: string): Era | undefined {
  const t = token.toUpperCase();
  return ERAS.find((e) => e.name === t || e.letter === t);
}

function resolve(eraToken: string | undefined, yearToken: string, month: number, day: number): ParseDateResult {
  let year: number;
  let era: Era | undefined;
  if (eraToken === undefined) {
    if (!/^\d{4}$/.test(yearToken)) return FAIL;
    year = Number(yearToken);
  } else {
    era = findEra(eraToken);
    const n = yearToken === '元' ? 1 : Number(yearToken);
    if (!era || !Number.isInteger(n) || n < 1 || n > 99) return FAIL;
    year = era.startYear + n - 1;
  }
  if (year < MIN_INPUT_YEAR || year > MAX_INPUT_YEAR || !isValidYmd(year, month, day)) return FAIL;
  const iso = formatIso(year, month, day);
  if (era) {
    const end = eraEnd(era);
    if (iso < era.start || (end !== undefined && iso >= end)) return FAIL;
  }
  return { ok: true, iso };
}

/**
 * Parses a typed date. Trims, applies NFKC (full-width digits/letters/punctuation, ㋿ ㍻ ㍼ …),
 * then accepts 西暦 (2025-04-01, 2025/4/1, 2025.4.1, 2025年4月1日, 20250401) or 和暦
 * (令和7年4月1日, 令和元年5月1日, R7.4.1, r7/4/1, R7-4-1, H31.4.30, S64.1.7). Rejects dates that
 * do not exist, era dates outside their era, and years outside 1900–2100.
 */
export function parseDateInput(input: string): ParseDateResult {
  if (typeof input !== 'string') return FAIL;
  const s = input.normalize('NFKC').replace(DASH_RE, '-').trim();
  if (s === '') return FAIL;
  const compact = COMPACT_RE.exec(s);
  if (compact) return resolve(undefined, compact[1], Number(compact[2]), Number(compact[3]));
  const kanji = KANJI_RE.exec(s);
  if (kanji) return resolve(kanji[1], kanji[2], Number(kanji[3]), Number(kanji[4]));
  const sep = SEPARATED_RE.exec(s);
  if (sep) return resolve(sep[1], sep[2], Number(sep[4]), Number(sep[5]));
  return FAIL;
}

/** What the UI echoes after parsing: '令和7年4月1日（2025年4月1日）'. */
export function describeDate(iso: string): string {
  const { year, month, day } = parseIso(iso);
  return `${toWareki(iso)}（${year}年${month}月${day}日）`;
}
