import path from 'node:path';
import { Knex } from 'knex';
import { Db, isEmbedded } from './knex';
import { withAdvisoryLock } from './advisory-lock';
import { migrationSource } from './migration-source';
import type { Logger } from '../logger';
import { seedMasterData } from '../../seeds/master-data';

/** migrations/ beside src/: the TypeScript files from the sources, dist/migrations/ when compiled. */
export const migrationsDir = path.resolve(__dirname, '../../migrations');
const CONFIG: Knex.MigratorConfig = { migrationSource: migrationSource(migrationsDir) };
/** Names this app's start-up work among the database's advisory locks (any constant would do). */
const STARTUP_LOCK = 0x6b6b5f7374617274n; // "kk_start"

export interface MigrateOptions {
  log?: Logger;
  /** More one-time start-up work (the initial admin), run under the same lock after the seed. */
  thenUnderLock?: () => Promise<void>;
}

/**
 * Brings the schema up to date, then makes sure master data exists (idempotent). On PostgreSQL
 * this runs under one advisory lock, so any number of instances may start at once: the others
 * wait, then find nothing left to do. PGlite skips the lock: its data directory is open in one
 * process only (see lock.ts) on a single connection, so nothing could run beside us, and a
 * second connection to hold the lock on does not exist.
 */
export async function migrate(db: Db, opts: MigrateOptions = {}): Promise<void> {
  const work = async () => {
    await freeStaleKnexLock(db, opts.log);
    await db.migrate.latest(CONFIG);
    await seedMasterData(db);
    await opts.thenUnderLock?.();
  };
  if (isEmbedded(db)) return work();
  const onWait = () => opts.log?.info('another instance is migrating the database; waiting for it');
  return withAdvisoryLock(db, STARTUP_LOCK, onWait, work);
}

/**
 * No one else can be migrating now (we hold the start-up lock, or PGlite's single-process lock),
 * so a knex lock that says otherwise is stale: left locked by a process killed mid-migration,
 * or doubled by two older versions racing to create the table. Either would make every later
 * start fail with "Migration table is already locked".
 */
async function freeStaleKnexLock(db: Db, log?: Logger): Promise<void> {
  if (!(await db.schema.hasTable('knex_migrations_lock'))) return;
  const rows: { is_locked: number | null }[] = await db('knex_migrations_lock').select('is_locked');
  if (rows.length <= 1 && rows.every((r) => r.is_locked === 0)) return;
  log?.warn({ rows: rows.length, locked: rows.filter((r) => r.is_locked === 1).length }, 'freeing a stale knex migration lock');
  await db.migrate.forceFreeMigrationsLock(CONFIG);
}
