/**
 * The zod field builders every form uses. What staff type is normalised first: NFKC (全角 digits,
 * letters and brackets), hyphen look-alikes (ー－‐―−) and spaces in numbers and phone numbers, 円 and
 * commas in amounts, 和暦 in dates and 年度. A typed line break (CRLF) counts as one character.
 * Required fields say 「〇〇を入力してください」 when blank and their length rule only when too long.
 */
import { z } from 'zod';
import { parseDateInput, parseFiscalYearInput } from '../lib/dates';
import { isKatakana, normalizeKana } from '../lib/kana';

export const DATE_EXAMPLE = '（例：2025-04-01、令和7年4月1日、R7.4.1）';

export const FIELD_MESSAGES = {
  required: (label: string) => `${label}を入力してください`,
  tooLong: (label: string, max: number) => `${label}は${max.toLocaleString('ja-JP')}文字以内で入力してください`,
  date: (label: string, example = DATE_EXAMPLE) => `${label}を正しい日付で入力してください${example}`,
  int: (label: string, min: number, max: number) => `${label}は${min.toLocaleString('ja-JP')}〜${max.toLocaleString('ja-JP')}の整数で入力してください`,
  yen: (label: string) => `${label}は0以上の整数（円）で入力してください`,
  fiscalYear: (label: string) => `${label}は「令和7年度」「R7」「2025」のように入力してください`,
  kanaChars: (label: string) => `${label}はカタカナで入力してください（ひらがな・半角カナも使えます）`,
  phone: (label: string) => `${label}は市外局番から10桁または11桁の数字で入力してください`,
} as const;
const F = FIELD_MESSAGES;

type Ctx = z.RefinementCtx;
const fail = (ctx: Ctx, message: string): never => {
  ctx.addIssue({ code: 'custom', message });
  return z.NEVER;
};

/** What was typed in a text field: CRLF or CR → LF (one character, as the textarea counts it), trimmed. */
export const typedText = (v: unknown): string => (typeof v === 'string' ? v : '').replace(/\r\n?/g, '\n').trim();

/** Hyphen look-alikes NFKC leaves alone: ‐ ‑ ‒ – — ― − ー ｰ. */
const HYPHENS = /[\u2010-\u2015\u2212\u30fc\uff70]/g;
/** NFKC, hyphen look-alikes → '-', spaces (also 全角) removed. */
export const typedDigits = (v: unknown): string => (typeof v === 'string' ? v : '').normalize('NFKC').replace(HYPHENS, '-').replace(/\s+/g, '');

// ── text ────────────────────────────────────────────────────────────────────────────────────────

/** Optional free text: '' → null; longer than `max` → 「〇〇は…文字以内で入力してください」. */
export function optionalText(label: string, max: number, tooLong = F.tooLong(label, max)) {
  return z.unknown().optional().transform((v, ctx) => {
    const s = typedText(v);
    if (s.length > max) return fail(ctx, tooLong);
    return s === '' ? null : s;
  });
}

/** Required text: blank → 「〇〇を入力してください」, too long → 「〇〇は…文字以内で入力してください」. */
export function requiredText(label: string, max: number, tooLong = F.tooLong(label, max)) {
  return z.unknown().optional().transform((v, ctx) => {
    const s = typedText(v);
    if (s === '') return fail(ctx, F.required(label));
    if (s.length > max) return fail(ctx, tooLong);
    return s;
  });
}

/** 氏名カナ and the like: hiragana and 半角 kana become katakana (normalizeKana); required. */
export function kanaField(label: string, max: number) {
  return z.unknown().optional().transform((v, ctx) => {
    const s = normalizeKana(typeof v === 'string' ? v : '');
    if (s === '') return fail(ctx, F.required(label));
    if (s.length > max) return fail(ctx, F.tooLong(label, max));
    if (!isKatakana(s)) return fail(ctx, F.kanaChars(label));
    return s;
  });
}

/** A phone number, optional: kept with ASCII digits and '-' (「０９６ー１２３ー４５６７」 → 096-123-4567); 10 or 11 digits. */
export function phoneField(label: string) {
  return z.unknown().optional().transform((v, ctx) => {
    const s = typedDigits(v);
    if (s === '') return null;
    if (!/^[\d()-]{1,30}$/.test(s) || !/^\d{10,11}$/.test(s.replace(/\D/g, ''))) return fail(ctx, F.phone(label));
    return s;
  });
}

/**
 * 事件番号 in the family court's form, 令和7年(家)第1234号: NFKC folds 全角 digits and
 * brackets; 平成 is accepted for cases moved in from old ledgers. '' → null.
 */
export const CASE_NUMBER_RE = /^(令和|平成)(元|\d{1,2})年\(家\)第(\d{1,6})号$/;

export function caseNumber(message: string) {
  return z.unknown().optional().transform((v, ctx) => {
    const s = (typeof v === 'string' ? v : '').normalize('NFKC').replace(/\s+/g, '');
    if (s === '') return null;
    return CASE_NUMBER_RE.test(s) ? s : fail(ctx, message);
  });
}

// ── dates and 年度 ──────────────────────────────────────────────────────────────────────────────

/** Nothing typed: the field absent, or blank. */
const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** A required date, 西暦 or 和暦: blank → 「〇〇を入力してください」, not a date → `invalid`. */
export function dateField(label: string, invalid = F.date(label)) {
  return z.unknown().optional().transform((v, ctx) => {
    if (isBlank(v)) return fail(ctx, F.required(label));
    if (typeof v !== 'string') return fail(ctx, invalid);
    const parsed = parseDateInput(v);
    return parsed.ok ? parsed.iso : fail(ctx, invalid);
  });
}

/** An optional date: blank → null. */
export function optionalDateField(label: string, invalid = F.date(label)) {
  return z.unknown().optional().transform((v, ctx) => {
    if (isBlank(v)) return null;
    if (typeof v !== 'string') return fail(ctx, invalid);
    const parsed = parseDateInput(v);
    return parsed.ok ? parsed.iso : fail(ctx, invalid);
  });
}

/**
 * A required 年度: 令和7年度, R7年度, 2025年度, 令和元年度, 2025 (parseFiscalYearInput), within min–max.
 * `blank`: the message for nothing typed or chosen (a select says 「〇〇を選択してください」).
 */
export function fiscalYearField(label: string, min: number, max: number, invalid = F.fiscalYear(label), blank = F.required(label)) {
  return z.unknown().optional().transform((v, ctx) => {
    if (isBlank(v)) return fail(ctx, blank);
    const parsed = parseFiscalYearInput(v);
    return parsed.ok && parsed.fy >= min && parsed.fy <= max ? parsed.fy : fail(ctx, invalid);
  });
}

// ── numbers ─────────────────────────────────────────────────────────────────────────────────────

export interface NumberOptions {
  /** the message for anything but an integer in range (default 「〇〇は min〜max の整数で入力してください」) */
  invalid?: string;
  /** a unit staff may type after the number (円, 人, 件, か月, 分 …) */
  unit?: RegExp;
}

/** 全角 digits, spaces, commas, a leading ¥ and the field's unit removed: 「￥１５０，０００円」 → '150000'. */
export function typedNumber(v: unknown, unit?: RegExp): string {
  const s = typedDigits(v).replace(/,/g, '').replace(/^[¥\\]/, '');
  return unit ? s.replace(unit, '') : s;
}

/** The number typed, '' when blank, or the message when it is not an integer in min–max. */
function readInt(v: unknown, min: number, max: number, o: NumberOptions, label: string): number | '' | { error: string } {
  const s = typedNumber(v, o.unit);
  if (s === '' && isBlank(v)) return '';
  const n = /^-?\d{1,12}$/.test(s) ? Number(s) : NaN;
  return n >= min && n <= max ? n : { error: o.invalid ?? F.int(label, min, max) };
}

/** A required integer in min–max (blank → 「〇〇を入力してください」). */
export function intField(label: string, min: number, max: number, o: NumberOptions = {}) {
  return z.unknown().optional().transform((v, ctx) => {
    const n = readInt(v, min, max, o, label);
    if (n === '') return fail(ctx, F.required(label));
    return typeof n === 'number' ? n : fail(ctx, n.error);
  });
}

/** An optional integer: blank → `blank` (null, or e.g. 0 for months left blank). */
export function optionalIntField<B extends number | null = null>(label: string, min: number, max: number, o: NumberOptions & { blank?: B } = {}) {
  return z.unknown().optional().transform((v, ctx): number | B => {
    const n = readInt(v, min, max, o, label);
    if (n === '') return (o.blank ?? null) as B;
    return typeof n === 'number' ? n : fail(ctx, n.error);
  });
}

export const YEN_MAX = 100_000_000;
const YEN = /円$/;

/** Yen: 「150,000円」「￥１５００００」 → 150000; optional (blank → null) or required. */
export const optionalYen = (label: string) => optionalIntField(label, 0, YEN_MAX, { invalid: F.yen(label), unit: YEN });
export const requiredYen = (label: string) => intField(label, 0, YEN_MAX, { invalid: F.yen(label), unit: YEN });

/** Counts of people or records (人, 件, 名, 回, 部 may follow). */
export const COUNT_UNIT = /(人|件|名|回|部)$/;

// ── choices ─────────────────────────────────────────────────────────────────────────────────────

const ID = /^[1-9]\d{0,8}$/;

/** Any record id (checked against the database by the form's rule): blank → null. */
export function idField(message: string) {
  return z.unknown().optional().transform((v, ctx) => {
    const s = typeof v === 'string' ? v.trim() : '';
    if (s === '') return null;
    return ID.test(s) ? Number(s) : fail(ctx, message);
  });
}

/** A required record id (a person picked, a category chosen …). */
export function requiredIdField(message: string) {
  return z.unknown().optional().transform((v, ctx) => {
    const s = typeof v === 'string' ? v.trim() : '';
    return ID.test(s) ? Number(s) : fail(ctx, message);
  });
}

/** An id from a select: one of `allowed` (what the form offered); '' → null. */
export function selectId(allowed: Set<number>, message: string) {
  return z.unknown().optional().transform((v, ctx) => {
    const s = typeof v === 'string' ? v.trim() : '';
    if (s === '') return null;
    return /^\d{1,9}$/.test(s) && allowed.has(Number(s)) ? Number(s) : fail(ctx, message);
  });
}

/** A required select: one of `allowed`. */
export function requiredSelectId(allowed: Set<number>, message: string) {
  return z.unknown().optional().transform((v, ctx) => {
    const s = typeof v === 'string' ? v.trim() : '';
    return /^\d{1,9}$/.test(s) && allowed.has(Number(s)) ? Number(s) : fail(ctx, message);
  });
}

/** Checkboxes sharing a name: none, one (a string) or several (an array); each must be allowed. */
export function checkedIds(allowed: Set<number>, message: string) {
  return z.unknown().optional().transform((v, ctx) => {
    const list = v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
    const ids = new Set<number>();
    for (const item of list) {
      const s = typeof item === 'string' ? item : '';
      if (!/^\d{1,9}$/.test(s) || !allowed.has(Number(s))) return fail(ctx, message);
      ids.add(Number(s));
    }
    return [...ids].sort((a, b) => a - b);
  });
}

/** One of fixed values; '' → null. */
export function oneOf<T extends string>(values: readonly T[], message: string) {
  return z.unknown().optional().transform((v, ctx) => {
    const s = typeof v === 'string' ? v.trim() : '';
    if (s === '') return null;
    return (values as readonly string[]).includes(s) ? (s as T) : fail(ctx, message);
  });
}

/** One of fixed values, required. */
export function requiredOneOf<T extends string>(values: readonly T[], message: string) {
  return z.unknown().optional().transform((v, ctx) => {
    const s = typeof v === 'string' ? v.trim() : '';
    return (values as readonly string[]).includes(s) ? (s as T) : fail(ctx, message);
  });
}

/** あり / なし as 'true' / 'false'; '' → null (not yet known). */
export function optionalBool(message: string) {
  return oneOf(['true', 'false'], message).transform((v) => (v === null ? null : v === 'true'));
}

/** A ticked checkbox ('1'). */
export const checkbox = z.unknown().optional().transform((v) => v === '1');

export const versionField = z.coerce.number({ error: '画面を開き直してください' }).int().positive('画面を開き直してください');
