/**
 * What a report is: a stable id, a title, who may read it, a parameter parser and a build
 * function that returns one Table. The registry (registry.ts) lists them; routes, the index
 * page and the CLI export command are driven by it.
 */
import type { Knex } from 'knex';
import type { ErrorItem, FieldErrors } from '../../http/forms';
import type { Table } from '../../lib/table/table';
import type { Permission } from '../../policy';
import type { PastFiguresSpec } from '../past-figures/past-figures-types';

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

export interface FilterOption {
  id: number;
  label: string;
  retired: boolean;
}

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
  /** A yearly report that accepts past-year figures (過年度実績) for years before records: see past-figures-types.ts. */
  pastFigures?: PastFiguresSpec;
}

/** Input that passed the parser but names something that does not exist (an unknown ward id …). */
export class ReportParamError extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
  }
}
