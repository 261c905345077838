/**
 * What a report is: a stable id, a title, a parameter parser and a build function that
 * returns one Table. The registry (registry.ts) lists them; routes, the index page and
 * the CLI export command are driven by it.
 */
import type { Knex } from 'knex';
import type { ErrorItem, FieldErrors } from '../../http/forms';
import type { Table } from '../../lib/table/table';

/** Validated parameters: the fiscal year and any id filters that were given. */
export interface ReportParams {
  fy: number;
  filters: Record<string, number>;
}

/** Raw input: the query string of a request, or the options of a CLI command. */
export type ReportInput = Record<string, unknown>;

export type ParamsResult = { ok: true; params: ReportParams } | { ok: false; errors: FieldErrors; errorList: ErrorItem[] };

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

export interface ReportDef {
  id: string;
  /** Heading on the index page, e.g. '成年後見制度に関する相談件数（月別）'. */
  title: string;
  description: string;
  /** File names: `${fileTitle}_令和5年度.csv`. */
  fileTitle: string;
  filters: ReportFilter[];
  parse(input: ReportInput, now: Date): ParamsResult;
  build(db: Knex, params: ReportParams): Promise<Table>;
}

/** Input that passed the parser but names something that does not exist (an unknown ward id …). */
export class ReportParamError extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
  }
}
