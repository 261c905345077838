/**
 * What a report is: a stable id, a title, who may read it, a parameter parser and a build
 * function that returns one Table. A feature lists its reports on its door (index.ts); the
 * composition root (src/features/index.ts) collects them into REPORTS, which drives the routes,
 * the index page and the CLI export command.
 */
import type { Knex } from 'knex';
import type { ErrorItem, FieldErrors } from '../http/forms';
import type { Table } from '../lib/table/table';
import type { Permission } from '../policy';
import type { Choice } from './choice';

/** Parameters of a one-year report: the fiscal year and any id filters that were given. */
export interface FyParams {
  fy: number;
  filters: Record<string, number>;
}

/** Parameters of a trend report: a span of fiscal years (both inclusive) and any id filters. */
export interface YearsParams {
  from: number;
  to: number;
  filters: Record<string, number>;
}

/** Validated parameters: a report reads one fiscal year ('fy') or a span of years ('years'). */
export type ReportParams = FyParams | YearsParams;
export type ReportPeriod = 'fy' | 'years';

export function isYearsParams(p: ReportParams): p is YearsParams {
  return 'from' in p;
}

/**
 * Whose data the table may count: a ward user's tables are limited to their ward in SQL.
 * The CLI (an operator on the server) passes ALL_WARDS.
 */
export interface ReportScope {
  wardId: number | null;
}
export const ALL_WARDS: ReportScope = { wardId: null };

/** Raw input: the query string of a request, or the options of a CLI command. */
export type ReportInput = Record<string, unknown>;

export type ParamsResult<P extends ReportParams = ReportParams> =
  | { ok: true; params: P }
  | { ok: false; errors: FieldErrors; errorList: ErrorItem[] };

/** A report filter's choice is the option type. */
export type FilterOption = Choice;

/** An optional id filter a report accepts (?ward=3), with the choices for the form. */
export interface ReportFilter {
  name: string;
  label: string;
  options(db: Knex): Promise<FilterOption[]>;
}

export interface ReportDef<P extends ReportParams = ReportParams> {
  id: string;
  /** Heading on the index page, e.g. '成年後見制度に関する相談件数（月別）'. */
  title: string;
  description: string;
  /** File names: `${fileTitle}_令和5年度.csv`. */
  fileTitle: string;
  /** Who may read this report (on top of the route's 'reports:read'): checked by the routes and the index. */
  access: Permission;
  /** 'fy' → ?fy=2023; 'years' → ?from=2019&to=2023. Must match what parse returns. */
  period: ReportPeriod;
  filters: ReportFilter[];
  parse(input: ReportInput, now: Date): ParamsResult<P>;
  build(db: Knex, params: P, scope: ReportScope): Promise<Table>;
  /** A yearly report that accepts past-year figures (過年度実績) for years before records: see PastFiguresSpec below. */
  pastFigures?: PastFiguresSpec;
}

/** Input that passed the parser but names something that does not exist (an unknown ward id …). */
export class ReportParamError extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
  }
}

/**
 * What a yearly report declares to accept past-year figures (過年度実績). A ReportDef with
 * `pastFigures` gets an entry screen under /figures (generated from `rows`), and its build
 * function merges the figures in with loadPastYears (features/reports/past-figures/past-years.ts): a fiscal year with records
 * is taken from the records; a year without records from the entered figures, marked ※.
 *
 * To let a new yearly report (subsidies-yearly, training-yearly …) take figures: give its
 * ReportDef a `pastFigures` spec, and in its build call loadPastYears / yearCells / yearColumns /
 * markEntered / pastNotes. Nothing else needs to change: the entry screen lists every report in
 * the registry that has a spec.
 */
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
