/**
 * The app as src/server.ts starts it (configuration, migrated database, the first
 * administrator from the real bootstrap, then createApp), on this file's fresh database and
 * a clock the test moves. No user is inserted by the test: every other account is made on
 * the admin screens.
 */
import { Express } from 'express';
import { createApp } from '../../../src/app';
import { ensureInitialAdmin } from '../../../src/auth/bootstrap';
import { fixedClock } from '../../../src/clock';
import { loadConfig } from '../../../src/config';
import { createLogger } from '../../../src/logger';
import { openTestDatabase, TestDatabase } from '../../helpers/test-db';
import { TestClock } from './person';

export const FIRST_ADMIN = { username: 'admin', password: 'Kumamoto-first-sign-in-2026!' };

export interface BootstrappedApp {
  readonly app: Express;
  readonly clock: TestClock;
  /** What the bootstrap printed (nothing when the password is configured). */
  readonly printed: string[];
}

export function useBootstrappedApp(start = new Date('2026-12-08T00:00:00Z')): BootstrappedApp {
  let database: TestDatabase | undefined;
  let made: { app: Express; clock: TestClock; printed: string[] } | undefined;
  beforeAll(async () => {
    database = await openTestDatabase();
    const config = loadConfig({
      NODE_ENV: 'test', SESSION_SECRET: 'lifecycle-secret-lifecycle-secret-!',
      INITIAL_ADMIN_USERNAME: FIRST_ADMIN.username, INITIAL_ADMIN_PASSWORD: FIRST_ADMIN.password,
    });
    const deps = { db: database.db, config, clock: fixedClock(start), log: createLogger('silent') };
    const printed: string[] = [];
    await ensureInitialAdmin(deps, (line) => printed.push(line));
    made = { app: createApp(deps).app, clock: deps.clock, printed };
  });
  afterAll(async () => { await database?.close(); });
  const ready = () => made ?? (() => { throw new Error('the app is made in beforeAll'); })();
  return {
    get app() { return ready().app; },
    get clock() { return ready().clock; },
    get printed() { return ready().printed; },
  };
}
