/** Japanese fiscal years (年度) run 1 April – 31 March and are named by their starting year. */
import { formatIso, parseIso } from './calendar';
import { warekiYear } from './wareki';

function requireFy(fy: number): void {
  if (!Number.isInteger(fy)) throw new RangeError(`Fiscal year must be an integer: ${fy}`);
}

/** 2024-03-31 → 2023; 2024-04-01 → 2024. */
export function fiscalYearOf(iso: string): number {
  const { year, month } = parseIso(iso);
  return month >= 4 ? year : year - 1;
}

/**
 * 2023 → '令和5年度'. Named by the era of the calendar year the fiscal year starts in, as at
 * 31 December, so FY2019 is '令和元年度' (not 平成31年度) and FY1989 is '平成元年度'.
 */
export function fiscalYearName(fy: number): string {
  requireFy(fy);
  return `${warekiYear(fy)}度`;
}

/** 2023 → '令和5年度（2023年度）'. */
export function fiscalYearLabel(fy: number): string {
  return `${fiscalYearName(fy)}（${fy}年度）`;
}

/** 2023 → { from: '2023-04-01', to: '2024-03-31' } (both inclusive). */
export function fiscalYearRange(fy: number): { from: string; to: string } {
  requireFy(fy);
  return { from: formatIso(fy, 4, 1), to: formatIso(fy + 1, 3, 31) };
}

/** The 12 months of the fiscal year, April first: { year: 2023, month: 4, label: '4月' } … March of fy+1. */
export function fiscalMonths(fy: number): { year: number; month: number; label: string }[] {
  requireFy(fy);
  return Array.from({ length: 12 }, (_, i) => {
    const month = ((i + 3) % 12) + 1;
    return { year: month >= 4 ? fy : fy + 1, month, label: `${month}月` };
  });
}
