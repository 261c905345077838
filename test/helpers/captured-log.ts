/** The real app with a logger whose JSON lines (pino's own output, serializers applied) a test can read. */
import { Writable } from 'node:stream';
import { Express } from 'express';
import { createApp } from '../../src/app';
import { fixedClock } from '../../src/clock';
import { loadConfig } from '../../src/config';
import { createLogger, Logger } from '../../src/logger';
import { openTestDatabase, TestDatabase } from './test-db';

export interface CapturedLog {
  log: Logger;
  /** Every line logged so far, parsed. */
  lines(): Record<string, unknown>[];
  /** Everything logged so far, as written. */
  text(): string;
}

export function captureLog(level = 'info'): CapturedLog {
  const chunks: string[] = [];
  const sink = new Writable({ write(chunk, _enc, done) { chunks.push(String(chunk)); done(); } });
  const text = () => chunks.join('');
  return { log: createLogger(level, sink), text, lines: () => text().split('\n').filter(Boolean).map((l) => JSON.parse(l)) };
}

/** A fresh database (the test closes it) and the app on it, logging into a CapturedLog. */
export async function appWithCapturedLog(): Promise<CapturedLog & { app: Express; database: TestDatabase }> {
  const database = await openTestDatabase();
  const captured = captureLog();
  const config = loadConfig({ NODE_ENV: 'test', SESSION_SECRET: 'test-secret-test-secret-test-secret!' });
  const { app } = createApp({ db: database.db, config, clock: fixedClock(new Date('2026-11-27T01:00:00Z')), log: captured.log });
  return { ...captured, app, database };
}
