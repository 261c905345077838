/** The parameter parser shared by the reports: fy (default: the current fiscal year in Tokyo) and id filters. */
import { z } from 'zod';
import { parseForm } from '../../http/forms';
import { intField } from '../../http/schema-fields';
import { fiscalYearOf, todayIso } from '../../lib/dates';
import type { ParamsResult, ReportFilter, ReportInput } from './report-types';

export const FY_MIN = 2000;
export const FY_MAX = 2100;

export const REPORT_MESSAGES = {
  fy: `年度は${FY_MIN}〜${FY_MAX}の西暦4桁で指定してください（例：2023）`,
  filter: (label: string) => `${label}の指定が正しくありません`,
  unknownFilter: (label: string) => `指定された${label}が見つかりません`,
};

export function currentFiscalYear(now: Date): number {
  return fiscalYearOf(todayIso(now));
}

/** A parser for `fy` plus the given filters; blank values count as not given. */
export function fyAndFilters(filters: ReportFilter[]) {
  return (input: ReportInput, now: Date): ParamsResult => {
    const shape: Record<string, z.ZodTypeAny> = { fy: intField(REPORT_MESSAGES.fy, FY_MIN, FY_MAX) };
    for (const f of filters) shape[f.name] = intField(REPORT_MESSAGES.filter(f.label), 1, 2_147_483_647).optional();
    const given = Object.fromEntries(
      ['fy', ...filters.map((f) => f.name)]
        .map((k) => [k, typeof input[k] === 'string' ? (input[k] as string).trim() : input[k]])
        .filter(([, v]) => v !== undefined && v !== ''),
    );
    const form = parseForm(z.object(shape), { fy: String(currentFiscalYear(now)), ...given });
    if (!form.ok) return form;
    const { fy, ...rest } = form.data as Record<string, number | undefined>;
    const set = Object.entries(rest).filter((e): e is [string, number] => e[1] !== undefined);
    return { ok: true, params: { fy: fy as number, filters: Object.fromEntries(set) } };
  };
}
