import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory from 'knex';
import { openDatabase } from '../src/db/knex';
import { migrate } from '../src/db/migrate';
import { fiscalYearOf, todayIso } from '../src/lib/dates';
import { generateVolume } from '../seeds/volume/generate';
import { readSamples, Samples } from './targets';
import { createScanUsers, ScanUsers } from './users';

export interface ScanDatabase {
  engine: 'pglite' | 'pg';
  /** What the app process needs in its environment to open this database. */
  env: Record<string, string>;
  users: ScanUsers;
  samples: Samples;
  /** Deletes the database (PostgreSQL) or the data directory (PGlite). */
  dispose(): Promise<void>;
}

const VOLUME = { persons: 200, consultations: 2_000, years: 3 };

/** Migrates, creates the scan users and fills a small volume, then closes (PGlite allows one process). */
async function seed(cfg: { databaseUrl: string | null; dataDir: string }): Promise<{ users: ScanUsers; samples: Samples }> {
  const database = await openDatabase(cfg);
  try {
    await migrate(database.db);
    const users = await createScanUsers(database.db);
    const today = todayIso(new Date());
    await generateVolume(database.db, {
      persons: VOLUME.persons, consultations: VOLUME.consultations,
      firstFiscalYear: fiscalYearOf(today) - VOLUME.years + 1, until: today, batch: 10_000, progress: () => {},
    });
    // Three due follow-ups, not a hundred: each has its own identical "done" form, which would use up the scanners' time.
    const keep = database.db('consultations').whereNotNull('follow_up_on').orderBy('id').limit(3).select('id');
    await database.db('consultations').whereNotNull('follow_up_on').whereNotIn('id', keep).update({ follow_up_on: null });
    return { users, samples: await readSamples(database.db) };
  } finally {
    await database.close();
  }
}

/**
 * A fresh database for one scan: a new database on the server of DATABASE_URL when it is set,
 * otherwise a PGlite data directory under the system's temp folder.
 */
export async function createScanDatabase(databaseUrl: string | undefined): Promise<ScanDatabase> {
  if (!databaseUrl) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-scan-'));
    const dispose = async () => fs.rmSync(dataDir, { recursive: true, force: true });
    try {
      const seeded = await seed({ databaseUrl: null, dataDir });
      return { engine: 'pglite', env: { DATA_DIR: dataDir, DATABASE_URL: '' }, ...seeded, dispose };
    } catch (e) {
      await dispose();
      throw e;
    }
  }
  const name = `kk_scan_${crypto.randomBytes(6).toString('hex')}`;
  const admin = knexFactory({ client: 'pg', connection: databaseUrl, pool: { min: 0, max: 1 } });
  await admin.raw('CREATE DATABASE ??', [name]);
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  const dispose = async () => {
    await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [name]);
    await admin.destroy();
  };
  try {
    const seeded = await seed({ databaseUrl: url.toString(), dataDir: '' });
    return { engine: 'pg', env: { DATABASE_URL: url.toString() }, ...seeded, dispose };
  } catch (e) {
    await dispose();
    throw e;
  }
}
