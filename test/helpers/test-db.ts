import fs from 'node:fs';
import crypto from 'node:crypto';
import knexFactory, { Knex } from 'knex';
import { PGlite } from '@electric-sql/pglite';
import '../../src/db/types';
import { knexOnPglite } from '../../src/db/knex';

export interface TestDatabase {
  db: Knex;
  engine: 'pglite' | 'pg';
  close(): Promise<void>;
}

/** A fresh, migrated database for one test file, on the engine this run tests. */
export async function openTestDatabase(): Promise<TestDatabase> {
  const pgUrl = process.env.TEST_DATABASE_URL;
  const template = process.env.KK_TEST_PG_TEMPLATE;
  if (pgUrl && template) {
    const name = `kk_t_${crypto.randomBytes(6).toString('hex')}`;
    const admin = knexFactory({ client: 'pg', connection: pgUrl, pool: { min: 0, max: 1 } });
    await admin.raw('CREATE DATABASE ?? TEMPLATE ??', [name, template]);
    const url = new URL(pgUrl);
    url.pathname = `/${name}`;
    const db = knexFactory({
      client: 'pg', connection: url.toString(),
      pool: { min: 0, max: 5, afterCreate: (c: { query: (s: string, cb: (e: Error | null) => void) => void }, done: (e: Error | null, c: unknown) => void) => c.query("SET TIME ZONE 'Asia/Tokyo'", (e) => done(e, c)) },
    });
    return {
      db, engine: 'pg',
      close: async () => {
        await db.destroy();
        await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [name]);
        await admin.destroy();
      },
    };
  }
  const dumpFile = process.env.KK_TEST_PGLITE_DUMP;
  if (!dumpFile) throw new Error('global setup did not prepare a template database');
  const pglite = await PGlite.create({ loadDataDir: new Blob([fs.readFileSync(dumpFile)]) });
  const db = knexOnPglite(pglite);
  return { db, engine: 'pglite', close: async () => { await db.destroy(); await pglite.close(); } };
}
