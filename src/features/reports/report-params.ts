/**
 * The parameter parsers shared by the reports: `fy` (default: the current fiscal year in Tokyo)
 * or `from`/`to` (default: the last five fiscal years), each with optional id filters.
 */
import { z } from 'zod';
import { fieldError, parseForm } from '../../http/forms';
import { fiscalYearField, intField } from '../../http/schema-fields';
import { fiscalYearOf, todayIso } from '../../lib/dates';
import type { FyParams, ParamsResult, ReportFilter, ReportInput, YearsParams } from '../../contracts/report';

export const FY_MIN = 2000;
export const FY_MAX = 2100;
/** A trend table's default span, and the longest one accepted. */
export const YEARS_DEFAULT = 5;
export const YEARS_MAX = 20;

export const REPORT_MESSAGES = {
  fy: `年度は${FY_MIN}〜${FY_MAX}年度の範囲で「令和5年度」「R5」「2023」のように指定してください`,
  from: `開始年度は${FY_MIN}〜${FY_MAX}年度の範囲で「令和元年度」「R1」「2019」のように指定してください`,
  to: `終了年度は${FY_MIN}〜${FY_MAX}年度の範囲で「令和5年度」「R5」「2023」のように指定してください`,
  order: '開始年度は終了年度と同じか、それより前の年度を指定してください',
  span: `表示できるのは${YEARS_MAX}年度分までです。開始年度と終了年度を見直してください`,
  filter: (label: string) => `${label}の指定が正しくありません`,
  unknownFilter: (label: string) => `指定された${label}が見つかりません`,
};

export function currentFiscalYear(now: Date): number {
  return fiscalYearOf(todayIso(now));
}

/** The given values among `keys`, trimmed; blank values count as not given. */
function given(input: ReportInput, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(
    keys.map((k) => [k, typeof input[k] === 'string' ? (input[k] as string).trim() : input[k]])
      .filter(([, v]) => v !== undefined && v !== ''),
  );
}

const filterShape = (filters: ReportFilter[]) =>
  Object.fromEntries(filters.map((f) => [f.name, intField(f.label, 1, 2_147_483_647, { invalid: REPORT_MESSAGES.filter(f.label) }).optional()]));

const setFilters = (rest: Record<string, number | undefined>) =>
  Object.fromEntries(Object.entries(rest).filter((e): e is [string, number] => e[1] !== undefined));

/** A parser for `fy` plus the given filters. */
export function fyAndFilters(filters: ReportFilter[]) {
  return (input: ReportInput, now: Date): ParamsResult<FyParams> => {
    const shape = { fy: fiscalYearField('年度', FY_MIN, FY_MAX, REPORT_MESSAGES.fy), ...filterShape(filters) };
    const form = parseForm(z.object(shape), { fy: String(currentFiscalYear(now)), ...given(input, ['fy', ...filters.map((f) => f.name)]) });
    if (!form.ok) return form;
    const { fy, ...rest } = form.data as Record<string, number | undefined>;
    return { ok: true, params: { fy: fy as number, filters: setFilters(rest) } };
  };
}

/**
 * A parser for a span of fiscal years `from`–`to` plus the given filters. `to` defaults to the
 * current fiscal year and `from` to the fifth year up to `to`; from ≤ to, at most YEARS_MAX years.
 */
export function yearsAndFilters(filters: ReportFilter[]) {
  return (input: ReportInput, now: Date): ParamsResult<YearsParams> => {
    const shape = {
      from: fiscalYearField('開始年度', FY_MIN, FY_MAX, REPORT_MESSAGES.from).optional(),
      to: fiscalYearField('終了年度', FY_MIN, FY_MAX, REPORT_MESSAGES.to),
      ...filterShape(filters),
    };
    const form = parseForm(z.object(shape), { to: String(currentFiscalYear(now)), ...given(input, ['from', 'to', ...filters.map((f) => f.name)]) });
    if (!form.ok) return form;
    const { from: fromGiven, to, ...rest } = form.data as Record<string, number | undefined>;
    const from = fromGiven ?? Math.max(FY_MIN, (to as number) - YEARS_DEFAULT + 1);
    if (from > (to as number)) return { ok: false, ...fieldError('from', REPORT_MESSAGES.order) };
    if ((to as number) - from + 1 > YEARS_MAX) return { ok: false, ...fieldError('from', REPORT_MESSAGES.span) };
    return { ok: true, params: { from, to: to as number, filters: setFilters(rest) } };
  };
}
