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
  /** The embedded instance (PGlite only): backup dumps its data directory. */
  pglite?: PGlite;
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
/**
 * PGlite runs each query inside this process; its node-postgres adapter chains queries through
 * promises alone, so under load the event loop never gets back to accepting connections.
 * Yielding one macrotask before each protocol message lets Node take in new sockets.
 */
function yieldBetweenQueries(pglite: PGlite): void {
  const run = pglite.execProtocolStream.bind(pglite);
  pglite.execProtocolStream = async (...args: Parameters<PGlite['execProtocolStream']>) => {
    await new Promise((resolve) => setImmediate(resolve));
    return run(...args);
  };
}

const embedded = new WeakSet<Knex>();

/** True for knex on PGlite: one process, one connection (no second connection to open). */
export const isEmbedded = (db: Knex): boolean => embedded.has(db);

export function knexOnPglite(pglite: PGlite): Knex {
  yieldBetweenQueries(pglite);
  const db = knexFactory({
    client: 'pg',
    connection: () => createPgConfig(pglite) as unknown as Knex.PgConnectionConfig,
    pool: { min: 1, max: 1, afterCreate },
    acquireConnectionTimeout: 60000,
  });
  embedded.add(db);
  return db;
}

/** Where PGlite keeps its PostgreSQL data directory inside DATA_DIR. */
export const pgliteDataPath = (dataDir: string) => path.join(dataDir, 'pgdata');

/** Embedded PostgreSQL (PGlite) persisted under dataDir; a lock file keeps a second process out. */
export async function openPglite(dataDir: string): Promise<Database> {
  fs.mkdirSync(dataDir, { recursive: true });
  const lock: DataDirLock = acquireDataDirLock(dataDir);
  try {
    const pglite = await PGlite.create(pgliteDataPath(dataDir));
    const db = knexOnPglite(pglite);
    return {
      db,
      engine: 'pglite',
      pglite,
      close: async () => {
        await db.destroy();
        if (!pglite.closed) await pglite.close(); // restore closes it early
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
