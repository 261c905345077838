/**
 * Merging entered past-year figures into a yearly report: each fiscal year of the span comes from
 * the records when it has records, else from the figures entered for it (marked ※), else from the
 * records (zeros). See PastFiguresSpec (src/contracts/report.ts) for how a report takes part.
 *
 * A ward user's table counts their ward only, so it may show only a figure entered for that ward
 * (the spec's wardRow). Figures for the whole city are withheld: those years read 記録なし.
 */
import type { Knex } from 'knex';
import { fiscalYearName } from '../../../lib/dates';
import { groupedHeader, type Column, type HeaderCell, type Row } from '../../../lib/table/table';
import { loadFigureSets } from './past-figures-queries';
import type { ReportScope, PastFiguresSpec } from '../../../contracts/report';

export const PAST_FIGURES_NOTE = '※印は過年度実績（手入力）です。記録のない年度は、管理者が入力した過年度の実績を表示しています。';
/** The CSV header of an entered year's column (CSV has no cell marks): '令和2年度（過年度実績）'. */
export const ENTERED_SUFFIX = '（過年度実績）';
/** Every cell of a withheld year. */
export const NO_RECORD = '記録なし';
export const WITHHELD_NOTE = `「${NO_RECORD}」の年度は、記録がなく、過年度実績は市全体の数値だけが入力されている年度です（区ごとの数値はありません）。`;

export interface PastYears {
  /** The fiscal years of the span shown from entered figures. */
  entered: Set<number>;
  /** The fiscal years whose figures this scope may not see (city-wide figures in a ward's table): 記録なし. */
  withheld: Set<number>;
  /** The figure of a row in an entered year; null where the row was left blank (or added later). */
  figure(key: string, fy: number): number | null;
}

export const NO_PAST_YEARS: PastYears = { entered: new Set(), withheld: new Set(), figure: () => null };

/** The figures of from..to that `scope` may see: all of them for every ward, a ward's own row for a ward user. */
export async function loadPastYears(db: Knex, reportId: string, spec: PastFiguresSpec, from: number, to: number, scope: ReportScope): Promise<PastYears> {
  const [recordYears, sets] = await Promise.all([spec.recordYears(db, from, to), loadFigureSets(db, reportId, from, to)]);
  const years = new Set([...sets.keys()].filter((fy) => !recordYears.has(fy)));
  const own = scope.wardId === null ? null : spec.wardRow?.(scope.wardId);
  if (own === undefined) return { entered: new Set(), withheld: years, figure: () => null };
  const visible = (key: string) => own === null || key === own;
  return { entered: years, withheld: new Set(), figure: (key, fy) => (years.has(fy) && visible(key) ? sets.get(fy)?.values.get(key) ?? null : null) };
}

/** One row's cells over the years: the figure in an entered year, 記録なし in a withheld one, the records' count otherwise. */
export function yearCells(past: PastYears, key: string | null, years: number[], fromRecords: (fy: number) => number): (number | string | null)[] {
  return years.map((fy) => {
    if (past.withheld.has(fy)) return NO_RECORD;
    return past.entered.has(fy) ? (key === null ? null : past.figure(key, fy)) : fromRecords(fy);
  });
}

/** One column per fiscal year ('fy2023', headed 令和5年度); an entered year's CSV header says so. */
export function yearColumns(years: number[], past: PastYears): { headerRows: HeaderCell[][]; columns: Column[] } {
  const { headerRows, columns } = groupedHeader(years.map((fy) => ({ key: `fy${fy}`, label: fiscalYearName(fy) })));
  return {
    headerRows,
    columns: columns.map((c, j) => (past.entered.has(years[j]) ? { ...c, csvLabel: `${c.csvLabel}${ENTERED_SUFFIX}` } : c)),
  };
}

/**
 * Marks every cell of an entered year's column (the 計 row too); HTML and PDF show ※, xlsx a ※
 * number format. Every cell of a withheld year's column reads 記録なし, the 計 row too.
 */
export function markEntered(rows: Row[], years: number[], past: PastYears): Row[] {
  const withheld = years.map((fy) => past.withheld.has(fy));
  const shown = past.withheld.size === 0 ? rows : rows.map((r) => ({ ...r, cells: r.cells.map((c, j) => (withheld[j] ? NO_RECORD : c)) }));
  if (past.entered.size === 0) return shown;
  const marks = years.map((fy) => past.entered.has(fy));
  return shown.map((r) => ({ ...r, marks: r.cells.map((_c, j) => marks[j] ?? false) }));
}

export function pastNotes(past: PastYears): string[] {
  return [...(past.entered.size ? [PAST_FIGURES_NOTE] : []), ...(past.withheld.size ? [WITHHELD_NOTE] : [])];
}
