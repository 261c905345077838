/** The periods the dashboard compares: this month so far and this fiscal year so far, each against the same days a year earlier. */
import { parseIso, formatIso } from '../../lib/dates/calendar';
import { addYears, fiscalYearOf, fiscalYearRange, toWareki } from '../../lib/dates';

export interface Period { from: string; to: string }

export interface Comparison {
  key: 'month' | 'fy';
  label: string;
  current: Period;
  previous: Period;
}

/** The same day a year earlier (29 February → 28 February). */
export function sameDayLastYear(iso: string): string {
  return addYears(iso, -1);
}

export function comparisons(today: string): Comparison[] {
  const { year, month } = parseIso(today);
  const monthStart = formatIso(year, month, 1);
  const fyStart = fiscalYearRange(fiscalYearOf(today)).from;
  return [
    { key: 'month', label: '今月', current: { from: monthStart, to: today }, previous: { from: sameDayLastYear(monthStart), to: sameDayLastYear(today) } },
    { key: 'fy', label: '年度累計', current: { from: fyStart, to: today }, previous: { from: sameDayLastYear(fyStart), to: sameDayLastYear(today) } },
  ];
}

export const periodText = (p: Period): string => `${toWareki(p.from)}〜${toWareki(p.to)}`;
