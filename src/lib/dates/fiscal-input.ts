/**
 * A typed 年度 (fiscal year): 2025, 2025年度, 令和7年度, R7年度, r7, 令和元年度, 平成31年度, and the
 * label the app shows, 令和7年度（2025年度）. Half- or full-width, spaces ignored.
 */
import { formatIso } from './calendar';
import { MAX_INPUT_YEAR, MIN_INPUT_YEAR } from './parse';
import { ERAS, Era, eraOn } from './wareki';

export type ParseFiscalYearResult = { ok: true; fy: number } | { ok: false };

const FAIL: ParseFiscalYearResult = { ok: false };
const WESTERN_RE = /^(\d{4})(?:年度?)?$/;
const ERA_RE = /^(明治|大正|昭和|平成|令和|[MTSHR])(元|\d{1,2})(?:年度?)?$/i;
/** 令和7年度(2025年度): the app's own label, both halves must agree. */
const LABEL_RE = /^(.+)\((\d{4})年度?\)$/;

const inRange = (fy: number) => fy >= MIN_INPUT_YEAR && fy <= MAX_INPUT_YEAR;

/**
 * An era year names the fiscal year starting in that calendar year when the era was in force on
 * 1 April (平成31年度) or on 31 December (令和元年度) of it: so 昭和64年度 and 平成32年度 do not exist.
 */
function eraFiscalYear(era: Era, n: number): number | null {
  const fy = era.startYear + n - 1;
  if (n < 1 || !inRange(fy)) return null;
  const named = [formatIso(fy, 4, 1), formatIso(fy, 12, 31)].some((iso) => eraOn(iso) === era);
  return named ? fy : null;
}

function parsePlain(s: string): number | null {
  const western = WESTERN_RE.exec(s);
  if (western) return inRange(Number(western[1])) ? Number(western[1]) : null;
  const m = ERA_RE.exec(s);
  if (!m) return null;
  const token = m[1].toUpperCase();
  const era = ERAS.find((e) => e.name === token || e.letter === token);
  return era ? eraFiscalYear(era, m[2] === '元' ? 1 : Number(m[2])) : null;
}

export function parseFiscalYearInput(input: unknown): ParseFiscalYearResult {
  if (typeof input !== 'string') return FAIL;
  const s = input.normalize('NFKC').replace(/\s+/g, '');
  const label = LABEL_RE.exec(s);
  if (label) {
    const fy = parsePlain(label[1]);
    return fy !== null && fy === Number(label[2]) ? { ok: true, fy } : FAIL;
  }
  const fy = parsePlain(s);
  return fy === null ? FAIL : { ok: true, fy };
}
