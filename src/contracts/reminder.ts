/**
 * What a reminder source is: one kind of thing waiting for someone (a follow-up date that has
 * come, a stalled petition …), who may see it, and a query that counts them and returns the
 * most urgent few. Computed from the data at request time: nothing is stored, nothing is mailed.
 * The owner feature writes its sources and lists them on its door; the composition root collects
 * them (REMINDER_SOURCES in src/features/index.ts) in the order the home page shows them.
 */
import type { Knex } from 'knex';
import type { Permission, Principal } from '../policy';

/** One record to act on. Titles carry ids, dates and codes, never a person's name. */
export interface ReminderItem {
  /** The record's page. */
  href: string;
  title: string;
  /** The ISO date the wait is counted from, and the days from it to today (null where unknown). */
  since: string | null;
  days: number | null;
}

export interface ReminderBatch {
  /** How many there are in all. */
  count: number;
  /** The first few, most urgent first. */
  items: ReminderItem[];
}

export interface ReminderSource {
  /** Stable key, e.g. 'consultation-follow-up'. */
  kind: string;
  /** Heading on the home page, e.g. 'フォローアップ日が来た相談'. */
  label: string;
  /** Only users with this permission see this kind; for anyone else the source is not run. */
  access: Permission;
  /** The page listing them all (the 「すべて見る」 link), where one exists. */
  listHref?: string;
  /** The user's reminders of this kind as of `today` (ISO): the total and the first `limit`. Scoped in SQL. */
  fetch(db: Knex, user: Principal, today: string, limit: number): Promise<ReminderBatch>;
}

/** Rows selected with `count(*) OVER () AS total` (see TOTAL_SQL) → a batch. */
export function batchOf<R extends { total: number | string }>(rows: R[], item: (row: R) => ReminderItem): ReminderBatch {
  return { count: rows.length ? Number(rows[0].total) : 0, items: rows.map(item) };
}

/** Select this beside a LIMITed query: the count of every matching row, in the same query. */
export const TOTAL_SQL = 'count(*) OVER () AS total';
