import { Express } from 'express';
import { Knex } from 'knex';
import { createApp } from '../../src/app';
import { fixedClock } from '../../src/clock';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { RouteSpec } from '../../src/http/routes';
import { openTestDatabase } from './test-db';

export interface TestApp {
  app: Express;
  db: Knex;
  engine: 'pglite' | 'pg';
  clock: ReturnType<typeof fixedClock>;
  routes: RouteSpec[];
  close(): Promise<void>;
}

/** The real app on a fresh database, with a clock the test can move. */
export async function createTestApp(start = new Date('2026-11-27T01:00:00Z')): Promise<TestApp> {
  const database = await openTestDatabase();
  const clock = fixedClock(start);
  const config = loadConfig({ NODE_ENV: 'test', SESSION_SECRET: 'test-secret-test-secret-test-secret!' });
  const { app, routes } = createApp({ db: database.db, config, clock, log: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent') });
  return { app, db: database.db, engine: database.engine, clock, routes, close: database.close };
}
