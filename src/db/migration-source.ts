import fs from 'node:fs';
import path from 'node:path';
import { Knex } from 'knex';

/** A migration file: TypeScript in the sources, JavaScript once compiled into dist/. */
const MIGRATION_FILE = /^\d+_.+\.(ts|js)$/;

/**
 * The migrations in `dir`, each named as knex has always recorded it in knex_migrations: the
 * file name ending in `.ts`. Compiled, the file is `….js`, but its name stays `….ts`, so a
 * database migrated from the sources is not migrated again by the compiled app, nor the other
 * way round (knex compares these names, and refuses to start when a recorded one is missing).
 */
export function migrationSource(dir: string): Knex.MigrationSource<string> {
  return {
    getMigrations: async () => (await fs.promises.readdir(dir)).filter((f) => MIGRATION_FILE.test(f) && !f.endsWith('.d.ts')).sort(),
    getMigrationName: (file) => file.replace(/\.js$/, '.ts'),
    // require, not import(): under ts-jest and tsx it is the require that compiles TypeScript
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    getMigration: async (file) => require(path.join(dir, file)),
  };
}
