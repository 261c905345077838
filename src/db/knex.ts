import './types';
import knexFactory, { Knex } from 'knex';
import path from 'node:path';
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { acquireDataDirLock, DataDirLock } from './lock';

export type Db = Knex;

export interface Database {
  db: Db;
  engine: 'pglite' | 'pg';
  close(): Promise<void>;
}

const afterCreate = (conn: { query: (sql: string, cb: (err: Error | null) => void) => void }, done: (err: Error | null, conn: unknown) => void) => {
  conn.query("SET TIME ZONE 'Asia/Tokyo'", (err) => done(err, conn));
};

/** PostgreSQL over the network: the production engine. */
export function openPostgres(url: string, poolMax = 10): Database {
  const db = knexFactory({ client: 'pg', connection: url, pool: { min: 0, max: poolMax, afterCreate } });
  return { db, engine: 'pg', close: () => db.destroy() };
}

/** Wraps an open PGlite instance in knex through PGlite's own node-postgres adapter (one connection). */
export function knexOnPglite(pglite: PGlite): Knex {
  return knexFactory({
    client: 'pg',
    connection: () => createPgConfig(pglite) as unknown as Knex.PgConnectionConfig,
    pool: { min: 1, max: 1, afterCreate },
    acquireConnectionTimeout: 60000,
  });
}

/** Embedded PostgreSQL (PGlite) persisted under dataDir; a lock file keeps a second process out. */
export async function openPglite(dataDir: string): Promise<Database> {
  fs.mkdirSync(dataDir, { recursive: true });
  const lock: DataDirLock = acquireDataDirLock(dataDir);
  try {
    const pglite = await PGlite.create(path.join(dataDir, 'pgdata'));
    const db = knexOnPglite(pglite);
    return {
      db,
      engine: 'pglite',
      close: async () => {
        await db.destroy();
        await pglite.close();
        lock.release();
      },
    };
  } catch (err) {
    lock.release();
    throw err;
  }
}

export function openDatabase(cfg: { databaseUrl: string | null; dataDir: string }): Promise<Database> {
  return cfg.databaseUrl ? Promise.resolve(openPostgres(cfg.databaseUrl)) : openPglite(cfg.dataDir);
}
