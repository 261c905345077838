/** The form of indicator 1's court counts: the calendar year (new only) and one count per 類型. */
import { z } from 'zod';
import { COUNT_UNIT, intField, versionField } from '../../http/schema-fields';
import type { Choice } from '../../contracts';

export const COUNT_MAX = 9_999_999;
export const YEAR_MIN = 2000;

export const COURT_MESSAGES = {
  year: (max: number) => `年を${YEAR_MIN}〜${max}の西暦4桁で入力してください（例：2024）`,
  count: (label: string) => `${label}の人数を0〜${COUNT_MAX.toLocaleString('ja-JP')}の整数で入力してください`,
  duplicate: (year: number) => `${year}年の人数は既に登録されています。成果指標の画面の一覧から編集してください`,
};

export const countField = (t: Choice) => `type_${t.id}`;

/** `maxYear`: the current calendar year (a year's 31 December count cannot be known before). */
export function courtUsersSchema(types: Choice[], opts: { create: true; maxYear: number } | { create: false }) {
  const counts = Object.fromEntries(types.map((t) => [countField(t), intField(`${t.label}の人数`, 0, COUNT_MAX, { invalid: COURT_MESSAGES.count(t.label), unit: COUNT_UNIT })]));
  return opts.create
    ? z.object({ year: intField('年', YEAR_MIN, opts.maxYear, { invalid: COURT_MESSAGES.year(opts.maxYear), unit: /年$/ }), ...counts })
    : z.object({ ...counts, version: versionField });
}

/** The counts of a parsed form, by type id. */
export function countsOf(types: Choice[], data: Record<string, unknown>): Map<number, number> {
  return new Map(types.map((t) => [t.id, data[countField(t)] as number]));
}
