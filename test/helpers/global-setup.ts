import knexFactory, { Knex } from 'knex';
import { PGlite } from '@electric-sql/pglite';
import { knexOnPglite } from '../../src/db/knex';
import { migrate } from '../../src/db/migrate';
import { cachedDump, freshTemplateAsked, pgTemplateName, storeDump, templateKey } from './template-cache';
import { ensureBuilt } from './compiled-app';

/**
 * One migrated template database per set of migrations (template-cache.ts): made by the first run
 * that needs it and kept; every test file then gets its own copy (PGlite: a loaded dump;
 * PostgreSQL: CREATE DATABASE … TEMPLATE).
 */
export default async function globalSetup(): Promise<void> {
  ensureBuilt(); // the tests that start the server or the CLI as processes run dist/
  const started = Date.now();
  const key = templateKey();
  const pgUrl = process.env.TEST_DATABASE_URL;
  const made = pgUrl ? await pgTemplate(pgUrl, key) : await pgliteTemplate(key);
  if (process.env.KK_TEST_SETUP_TIMING) process.stderr.write(`\nglobal setup: ${made}, ${Date.now() - started} ms\n`);
}

async function pgliteTemplate(key: string): Promise<string> {
  const cached = cachedDump(key);
  if (cached) {
    process.env.KK_TEST_PGLITE_DUMP = cached;
    return 'PGlite template from the cache';
  }
  const pglite = await PGlite.create();
  const db = knexOnPglite(pglite);
  await migrate(db);
  await db.destroy();
  const dump = await pglite.dumpDataDir('none');
  await pglite.close();
  process.env.KK_TEST_PGLITE_DUMP = storeDump(key, Buffer.from(await dump.arrayBuffer()));
  return 'PGlite template migrated';
}

const onDatabase = (pgUrl: string, name: string) => {
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

/**
 * The template database named by the key, made if missing. An advisory lock on the server makes a
 * second run starting at the same time wait for the first and then find it made; the template is
 * migrated under another name and renamed when complete, so a run stopped midway leaves no
 * half-made template behind under the real name.
 */
async function pgTemplate(pgUrl: string, key: string): Promise<string> {
  const template = pgTemplateName(key);
  process.env.KK_TEST_PG_TEMPLATE = template;
  const admin = knexFactory({ client: 'pg', connection: pgUrl, pool: { min: 1, max: 1 } });
  try {
    await admin.raw('SELECT pg_advisory_lock(hashtext(?))', [template]);
    const exists = async () => (await admin('pg_database').where({ datname: template }).first('datname')) !== undefined;
    if (freshTemplateAsked() && await exists()) await admin.raw('DROP DATABASE ?? WITH (FORCE)', [template]);
    if (await exists()) return `PostgreSQL template ${template} kept from an earlier run`;
    const building = `${template}_b${process.pid}`;
    await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [building]);
    await admin.raw('CREATE DATABASE ??', [building]);
    const db: Knex = knexFactory({ client: 'pg', connection: onDatabase(pgUrl, building), pool: { min: 0, max: 1 } });
    try {
      await migrate(db);
    } finally {
      await db.destroy();
    }
    await admin.raw('ALTER DATABASE ?? RENAME TO ??', [building, template]);
    return `PostgreSQL template ${template} migrated`;
  } finally {
    await admin.destroy(); // ends the session, and with it the advisory lock
  }
}
