import { Knex } from 'knex';

export interface TableCount { table: string; rows: number }

/** Tables whose rows are the office's own work: any row here makes a database "not empty". */
export const USER_DATA_TABLES = ['users', 'persons', 'consultations', 'petitions', 'audit_log'] as const;

/** The base tables of the public schema, by name. */
export async function publicTables(db: Knex | Knex.Transaction): Promise<string[]> {
  return db('information_schema.tables')
    .where({ table_schema: 'public', table_type: 'BASE TABLE' })
    .orderBy('table_name')
    .pluck('table_name');
}

/** Row count of every table in the public schema, in one statement (counted in SQL). */
export async function tableCounts(db: Knex | Knex.Transaction): Promise<TableCount[]> {
  const tables = await publicTables(db);
  if (tables.length === 0) return [];
  const sql = tables.map(() => 'SELECT ?::text AS name, count(*) AS n FROM public.??').join(' UNION ALL ');
  const { rows } = await db.raw(sql, tables.flatMap((t) => [t, t])) as { rows: { name: string; n: number | string }[] };
  const byName = new Map(rows.map((r) => [r.name, Number(r.n)]));
  return tables.map((table) => ({ table, rows: byName.get(table) ?? 0 }));
}

/** The user-data tables that hold rows (restore refuses to overwrite them without --force). */
export function userData(counts: TableCount[]): TableCount[] {
  return counts.filter((c) => (USER_DATA_TABLES as readonly string[]).includes(c.table) && c.rows > 0);
}

export const totalRows = (counts: TableCount[]) => counts.reduce((sum, c) => sum + c.rows, 0);

/** "users 3 行、consultations 120 行" */
export const describeCounts = (counts: TableCount[]) =>
  counts.map((c) => `${c.table} ${c.rows.toLocaleString('ja-JP')} 行`).join('、');
