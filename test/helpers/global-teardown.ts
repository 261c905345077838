import fs from 'node:fs';
import knexFactory from 'knex';

export default async function globalTeardown(): Promise<void> {
  const template = process.env.KK_TEST_PG_TEMPLATE;
  if (template && process.env.TEST_DATABASE_URL) {
    const admin = knexFactory({ client: 'pg', connection: process.env.TEST_DATABASE_URL, pool: { min: 0, max: 1 } });
    await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [template]);
    await admin.destroy();
  }
  const dump = process.env.KK_TEST_PGLITE_DUMP;
  if (dump) fs.rmSync(dump, { force: true });
}
