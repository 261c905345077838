/**
 * What the manager's dashboard compares with the same period last year. Each measure counts in SQL
 * over a date range (ISO, both ends inclusive). The owner feature writes its measure and lists it on
 * its door; the composition root collects them (DASHBOARD_MEASURES in src/features/index.ts), and
 * the dashboard's table and charts follow.
 */
import type { Knex } from 'knex';

export interface DashboardMeasure {
  key: string;
  label: string;
  unit: string;
  count(db: Knex, from: string, to: string): Promise<number>;
  /** The report behind the number. */
  href: string;
}

/** The row count of a query, for a measure's count(). */
export const countRows = async (q: Knex.QueryBuilder): Promise<number> => Number((await q.count({ n: '*' }))[0].n);
