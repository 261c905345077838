import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory from 'knex';
import { PGlite } from '@electric-sql/pglite';
import { knexOnPglite } from '../../src/db/knex';
import { migrate } from '../../src/db/migrate';
import { ensureBuilt } from './compiled-app';

/**
 * Migrates one template database per run; every test file then gets its own copy
 * (PGlite: a loaded dump; PostgreSQL: CREATE DATABASE … TEMPLATE).
 */
export default async function globalSetup(): Promise<void> {
  ensureBuilt(); // the tests that start the server or the CLI as processes run dist/
  const pgUrl = process.env.TEST_DATABASE_URL;
  if (pgUrl) {
    const template = `kk_tpl_${process.pid}_${Date.now()}`;
    const admin = knexFactory({ client: 'pg', connection: pgUrl, pool: { min: 0, max: 1 } });
    await admin.raw('CREATE DATABASE ??', [template]);
    await admin.destroy();
    const url = new URL(pgUrl);
    url.pathname = `/${template}`;
    const db = knexFactory({ client: 'pg', connection: url.toString(), pool: { min: 0, max: 1 } });
    await migrate(db);
    await db.destroy();
    process.env.KK_TEST_PG_TEMPLATE = template;
    return;
  }
  const pglite = await PGlite.create();
  const db = knexOnPglite(pglite);
  await migrate(db);
  await db.destroy();
  const dump = await pglite.dumpDataDir('none');
  await pglite.close();
  const file = path.join(os.tmpdir(), `kk-test-template-${process.pid}.tar`);
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  process.env.KK_TEST_PGLITE_DUMP = file;
}
