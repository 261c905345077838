/**
 * Merging entered past-year figures into a yearly report: each fiscal year of the span comes from
 * the records when it has records, else from the figures entered for it (marked ※), else from the
 * records (zeros). See past-figures-types.ts for how a report takes part.
 */
import type { Knex } from 'knex';
import { fiscalYearName } from '../../lib/dates';
import { groupedHeader, type Column, type HeaderCell, type Row } from '../../lib/table/table';
import { loadFigureSets } from './past-figures-queries';
import type { PastFiguresSpec } from './past-figures-types';

export const PAST_FIGURES_NOTE = '※印は過年度実績（手入力）です。記録のない年度は、管理者が入力した過年度の実績を表示しています。';
/** The CSV header of an entered year's column (CSV has no cell marks): '令和2年度（過年度実績）'. */
export const ENTERED_SUFFIX = '（過年度実績）';

export interface PastYears {
  /** The fiscal years of the span shown from entered figures. */
  entered: Set<number>;
  /** The figure of a row in an entered year; null where the row was left blank (or added later). */
  figure(key: string, fy: number): number | null;
}

export const NO_PAST_YEARS: PastYears = { entered: new Set(), figure: () => null };

export async function loadPastYears(db: Knex, reportId: string, spec: PastFiguresSpec, from: number, to: number): Promise<PastYears> {
  const [recordYears, sets] = await Promise.all([spec.recordYears(db, from, to), loadFigureSets(db, reportId, from, to)]);
  const entered = new Set([...sets.keys()].filter((fy) => !recordYears.has(fy)));
  return { entered, figure: (key, fy) => (entered.has(fy) ? sets.get(fy)?.values.get(key) ?? null : null) };
}

/** One row's cells over the years: the figure in an entered year, the records' count otherwise. */
export function yearCells(past: PastYears, key: string | null, years: number[], fromRecords: (fy: number) => number): (number | null)[] {
  return years.map((fy) => (past.entered.has(fy) ? (key === null ? null : past.figure(key, fy)) : fromRecords(fy)));
}

/** One column per fiscal year ('fy2023', headed 令和5年度); an entered year's CSV header says so. */
export function yearColumns(years: number[], past: PastYears): { headerRows: HeaderCell[][]; columns: Column[] } {
  const { headerRows, columns } = groupedHeader(years.map((fy) => ({ key: `fy${fy}`, label: fiscalYearName(fy) })));
  return {
    headerRows,
    columns: columns.map((c, j) => (past.entered.has(years[j]) ? { ...c, csvLabel: `${c.csvLabel}${ENTERED_SUFFIX}` } : c)),
  };
}

/** Marks every cell of an entered year's column (the 計 row too); HTML and PDF show ※, xlsx a ※ number format. */
export function markEntered(rows: Row[], years: number[], past: PastYears): Row[] {
  if (past.entered.size === 0) return rows;
  const marks = years.map((fy) => past.entered.has(fy));
  return rows.map((r) => ({ ...r, marks: r.cells.map((_c, j) => marks[j] ?? false) }));
}

export function pastNotes(past: PastYears): string[] {
  return past.entered.size ? [PAST_FIGURES_NOTE] : [];
}
