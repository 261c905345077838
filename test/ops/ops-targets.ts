/** A fresh, migrated database on this run's engine that another process (server, CLI) can open. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory, { Knex } from 'knex';
import { PGlite } from '@electric-sql/pglite';
import '../../src/db/types';
import { openPglite, pgliteDataPath } from '../../src/db/knex';

export type Engine = 'pglite' | 'pg';

/** This run's engine: PostgreSQL when TEST_DATABASE_URL is set (global setup made a template), else PGlite. */
export const ENGINE: Engine = process.env.TEST_DATABASE_URL && process.env.KK_TEST_PG_TEMPLATE ? 'pg' : 'pglite';

export interface Opened { db: Knex; close(): Promise<void> }

export interface Target {
  engine: Engine;
  /** DATABASE_URL / DATA_DIR for a child process. */
  env: Record<string, string>;
  /** PGlite: the data directory (DATA_DIR). */
  dataDir?: string;
  /** PostgreSQL: the database name. */
  dbName?: string;
  /** Opens it in this process (PGlite: takes the data-directory lock, so never while a child has it). */
  open(): Promise<Opened>;
  dispose(): Promise<void>;
}

const setTimeZone = (c: { query: (s: string, cb: (e: Error | null) => void) => void }, done: (e: Error | null, c: unknown) => void) =>
  c.query("SET TIME ZONE 'Asia/Tokyo'", (e) => done(e, c));

/** An administrative connection to the server named by TEST_DATABASE_URL. */
export const pgAdmin = () => knexFactory({ client: 'pg', connection: process.env.TEST_DATABASE_URL!, pool: { min: 0, max: 1 } });

/** template: the run's migrated template, or template0 for a brand-new empty database. */
async function pgTarget(template = process.env.KK_TEST_PG_TEMPLATE!): Promise<Target> {
  const name = `kk_ops_${crypto.randomBytes(6).toString('hex')}`;
  const admin = pgAdmin();
  await admin.raw('CREATE DATABASE ?? TEMPLATE ??', [name, template]);
  await admin.destroy();
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  return {
    engine: 'pg', env: { DATABASE_URL: url.toString() }, dbName: name,
    open: async () => {
      const db = knexFactory({ client: 'pg', connection: url.toString(), pool: { min: 0, max: 4, afterCreate: setTimeZone } });
      return { db, close: () => db.destroy() };
    },
    dispose: async () => {
      const a = pgAdmin();
      await a.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [name]);
      await a.destroy();
    },
  };
}

async function pgliteTarget(): Promise<Target> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-ops-'));
  const dump = process.env.KK_TEST_PGLITE_DUMP;
  if (!dump) throw new Error('global setup did not prepare a template database');
  const pglite = await PGlite.create({ dataDir: pgliteDataPath(dataDir), loadDataDir: new Blob([fs.readFileSync(dump)]) });
  await pglite.close();
  return {
    engine: 'pglite', env: { DATABASE_URL: '', DATA_DIR: dataDir }, dataDir,
    open: async () => {
      const database = await openPglite(dataDir);
      return { db: database.db, close: database.close };
    },
    dispose: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}

export function freshTarget(): Promise<Target> {
  return ENGINE === 'pg' ? pgTarget() : pgliteTarget();
}

/** PostgreSQL only: a database as `createdb` makes it, not yet migrated. */
export const emptyPgTarget = (): Promise<Target> => pgTarget('template0');

/** Runs work against the target in this process and closes it again. */
export async function withDb<T>(target: Target, work: (db: Knex) => Promise<T>): Promise<T> {
  const opened = await target.open();
  try {
    return await work(opened.db);
  } finally {
    await opened.close();
  }
}
