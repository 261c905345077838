/**
 * What a yearly report declares to accept past-year figures (過年度実績). A ReportDef with
 * `pastFigures` gets an entry screen under /figures (generated from `rows`), and its build
 * function merges the figures in with loadPastYears (past-years.ts): a fiscal year with records
 * is taken from the records; a year without records from the entered figures, marked ※.
 *
 * To let a new yearly report (subsidies-yearly, training-yearly …) take figures: give its
 * ReportDef a `pastFigures` spec, and in its build call loadPastYears / yearCells / yearColumns /
 * markEntered / pastNotes. Nothing else needs to change: the entry screen lists every report in
 * the registry that has a spec.
 */
import type { Knex } from 'knex';

export interface PastFigureRow {
  /** Stable key of the row, [a-z0-9_]{1,40}: 'total', 'ward_3', 'count_elderly'. */
  key: string;
  label: string;
  /** May be left blank on the entry form (shown blank in the table), e.g. 実人数 an old ledger lacks. */
  optional?: boolean;
}

export interface PastFiguresSpec {
  /** The rows a manager enters for one fiscal year, in the table's order. */
  rows(db: Knex): Promise<PastFigureRow[]>;
  /** The fiscal years in from..to that have records ("any row counted that year"): those years never use figures. */
  recordYears(db: Knex, from: number, to: number): Promise<Set<number>>;
  /**
   * When the rows are per ward: the key of one ward's own row ('ward_3'). A ward user's table then
   * shows that row's figure and no other. Without it the figures are the whole city's, and a ward
   * user's table shows 記録なし for the years that would take them (loadPastYears).
   */
  wardRow?(wardId: number): string;
}

export const ROW_KEY = /^[a-z0-9_]{1,40}$/;
