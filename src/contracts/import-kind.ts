/**
 * What an import kind is (ImportSpec): its columns, how a row becomes a record, how records are
 * shown and stored. The owner feature writes it and lists it on its door; the composition root
 * (src/features/index.ts) collects them into IMPORT_KINDS for the web pages and the CLI. The
 * shared pipeline (decode, CSV, header, all-or-nothing insert) lives in features/imports.
 */
import type { Knex } from 'knex';

/** One data row's cells by column name: trimmed text, '' when empty or the column is absent. */
export type Cells = Record<string, string>;

/** A data row as read from the file; `row` is the row number Excel shows (header = 1). */
export interface SourceRow { row: number; cells: Cells }

export interface ImportColumn {
  name: string;
  required: boolean;
  /** how to write it, shown on the upload page */
  hint: string;
}

/**
 * A row read: its record, or the reasons it cannot be imported. `warnings` are for rows that are
 * imported but deserve a look (e.g. a historical step that breaks today's rule); shown in the
 * preview and the CLI output, never refusing anything.
 */
export type RowResult<R> = { ok: true; record: R; warnings?: string[] } | { ok: false; reasons: string[] };

/** Who imports (null from the command line) and when. */
export interface ImportActor { userId: number | null; now: Date }

/**
 * One kind of import (consultations, later petitions, subsidies …): its columns, how a
 * row becomes a record against the masters, how records are shown and stored. The
 * pipeline (decode, CSV, header, all-or-nothing insert) is shared; see features/imports/import-pipeline.ts.
 * Methods (not arrow properties) so every spec fits the registry's ImportSpec<unknown, unknown>.
 */
export interface ImportSpec<R, C> {
  /** URL segment, CLI argument and audit action suffix: 'consultations' */
  kind: string;
  /** what is imported, for page titles: '相談記録' */
  title: string;
  /** the upload page, e.g. '/consultations/import'; confirmation posts to `${path}/:batchId` */
  path: string;
  /**
   * The upload routes are registered by the feature's own router (importKindRoutes), so they come
   * before routes such as '/petitions/:id' that would otherwise take '/petitions/import'.
   */
  routedByFeature?: boolean;
  /** where to go after importing, and its label for breadcrumbs */
  listHref: string;
  listLabel: string;
  columns: ImportColumn[];
  /** a short example CSV for the upload page (header and a few rows) */
  example: string;
  /** the masters and whatever else rows are checked against; `today` for the forms' date rules */
  loadContext(db: Knex | Knex.Transaction, today: string): Promise<C>;
  /** one row through the form(s) that enter the same record (features/imports/import-form-check.ts) */
  validate(cells: Cells, ctx: C): RowResult<R> | Promise<RowResult<R>>;
  /**
   * What makes two rows the same record (date, person, category, text …): a file whose rows are
   * mostly already imported is flagged before it is committed (features/imports/import-duplicates.ts).
   */
  fingerprint(record: R): (string | number | null)[];
  previewHeaders: string[];
  preview(record: R, ctx: C): string[];
  insert(trx: Knex.Transaction, records: R[], actor: ImportActor): Promise<void>;
  /** kinds that match or make persons (features/imports/import-persons.ts): the person a record is about; loose matches become row warnings */
  person?(record: R): ImportedPerson;
}

/** A row's reasons (errors, or warnings), as the preview and the CLI list them. */
export interface RowError { row: number; reasons: string[] }

/** A row that became a record. */
export interface ValidRecord<R> { row: number; record: R }

/** The person a record of a person-making kind is about (matched or made by features/imports). */
export interface ImportedPerson { name: string; name_kana: string; kana_key: string; birth_date: string; ward_id: number }

export type AnyImportSpec = ImportSpec<unknown, unknown>;
