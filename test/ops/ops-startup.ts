/** What startup leaves in a database: enough to tell whether its one-time work ran exactly once. */
import fs from 'node:fs';
import http from 'node:http';
import { Knex } from 'knex';
import { migrationsDir } from '../../src/db/migrate';
import { ServerProcess } from './ops-processes';

export const MIGRATION_FILES = fs.readdirSync(migrationsDir).filter((f) => /\.(ts|js)$/.test(f)).length;

/** Rows in every table of the public schema, by table name. */
export async function tableCounts(db: Knex): Promise<Record<string, number>> {
  const tables: string[] = await db('pg_tables').where({ schemaname: 'public' }).orderBy('tablename').pluck('tablename');
  const counts: Record<string, number> = {};
  for (const t of tables) counts[t] = Number((await db(t).count({ n: '*' }))[0].n);
  return counts;
}

export async function startupFacts(db: Knex) {
  return {
    migrations: Number((await db('knex_migrations').count({ n: '*' }))[0].n),
    lockRows: await db('knex_migrations_lock').orderBy('index').select('is_locked'),
    users: await db('users').orderBy('id').select('username', 'role'),
    userCreates: Number((await db('audit_log').where({ action: 'user.create' }).count({ n: '*' }))[0].n),
    counts: await tableCounts(db),
  };
}

/** The status of GET /healthz on each server. */
export function healthz(servers: ServerProcess[]): Promise<number[]> {
  return Promise.all(servers.map((s) => new Promise<number>((resolve, reject) => {
    http.get({ host: '127.0.0.1', port: s.port, path: '/healthz', agent: false }, (res) => { res.resume(); resolve(res.statusCode!); })
      .on('error', reject);
  })));
}
