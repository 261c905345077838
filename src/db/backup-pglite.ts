import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pgliteDataPath } from './knex';

/** PGlite's data directory as a gzipped tarball, after a checkpoint (nothing left only in the WAL). */
export async function dumpPglite(pglite: PGlite): Promise<Buffer> {
  await pglite.exec('CHECKPOINT');
  const blob = await pglite.dumpDataDir('gzip');
  return Buffer.from(await blob.arrayBuffer());
}

export interface PgliteRestore {
  /** The restored database, open; the caller writes the audit row and closes it. */
  pglite: PGlite;
  /** Where the replaced data directory was moved (null when there was none). */
  previous: string | null;
}

/**
 * Replaces DATA_DIR/pgdata with the dump. The caller has closed the running instance and
 * holds the data-directory lock. The old directory is moved aside first and put back if
 * the dump does not load, so a bad file never leaves the office without a database.
 */
export async function restorePglite(dataDir: string, dump: Buffer, stamp: string): Promise<PgliteRestore> {
  const target = pgliteDataPath(dataDir);
  const previous = fs.existsSync(target) ? `${target}.before-restore-${stamp}` : null;
  if (previous) fs.renameSync(target, previous);
  try {
    const pglite = await PGlite.create({ dataDir: target, loadDataDir: new Blob([dump]) });
    try {
      await pglite.query('SELECT count(*) FROM knex_migrations');
    } catch (e) {
      await pglite.close();
      throw e;
    }
    return { pglite, previous };
  } catch (e) {
    fs.rmSync(target, { recursive: true, force: true });
    if (previous) fs.renameSync(previous, target);
    throw e;
  }
}
