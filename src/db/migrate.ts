import path from 'node:path';
import { Db } from './knex';
import { seedMasterData } from '../../seeds/master-data';

export const migrationsDir = path.resolve(__dirname, '../../migrations');

/** Brings the schema up to date, then makes sure master data exists (idempotent). */
export async function migrate(db: Db): Promise<void> {
  await db.migrate.latest({ directory: migrationsDir, loadExtensions: ['.ts', '.js'] });
  await seedMasterData(db);
}
