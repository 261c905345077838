/**
 * A database keeps the name of every migration it ran (knex_migrations). The compiled app
 * (dist/migrations/*.js) must know them by the same names as the sources (migrations/*.ts):
 * otherwise it would run every migration again on a database set up before, and knex refuses
 * to start when a recorded name has no file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { migrationsDir } from '../../src/db/migrate';
import { migrationSource } from '../../src/db/migration-source';
import { openTestDatabase, TestDatabase } from '../helpers/test-db';

const ROOT = path.resolve(__dirname, '../..');
const compiledDir = path.join(ROOT, 'dist/migrations');
const sourceFiles = fs.readdirSync(path.join(ROOT, 'migrations')).filter((f) => f.endsWith('.ts')).sort();

async function names(dir: string): Promise<string[]> {
  const source = migrationSource(dir);
  return (await source.getMigrations([])).map((m) => source.getMigrationName(m));
}

let t: TestDatabase;
beforeAll(async () => { t = await openTestDatabase(); });
afterAll(() => t.close());

test('from the sources, every migration is named by its file: the names knex has always recorded', async () => {
  expect(migrationsDir).toBe(path.join(ROOT, 'migrations'));
  expect(await names(migrationsDir)).toEqual(sourceFiles);
  const recorded = await t.db('knex_migrations').orderBy('id').pluck('name');
  expect(recorded).toEqual(sourceFiles);
  // knex's own file loader, as the app used it before it was compiled, sees the same database as up to date
  const [completed, pending] = await t.db.migrate.list({ directory: migrationsDir, loadExtensions: ['.ts', '.js'] });
  expect(pending).toEqual([]);
  expect(completed.map((c: { name: string }) => c.name)).toEqual(sourceFiles);
});

test('compiled, the same migrations keep the same names, so a database migrated from the sources has nothing left to run', async () => {
  const compiledFiles = fs.readdirSync(compiledDir).filter((f) => f.endsWith('.js'));
  expect(compiledFiles.map((f) => f.replace(/\.js$/, '.ts')).sort()).toEqual(sourceFiles);
  expect(await names(compiledDir)).toEqual(sourceFiles);
  const [completed, pending] = await t.db.migrate.list({ migrationSource: migrationSource(compiledDir) });
  expect(pending).toEqual([]);
  expect(completed.map((c: { name: string }) => c.name)).toEqual(sourceFiles);
  const [, ran] = await t.db.migrate.latest({ migrationSource: migrationSource(compiledDir) });
  expect(ran).toEqual([]);
});
