import { Knex } from 'knex';
import { CliContext } from '../../src/cli/command';
import { fixedClock } from '../../src/clock';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';

/** What a CLI command gets, at 2026-11-27 09:00 in Tokyo; it prints through `out`, and its errors through `err` (or `out`). */
export function cliContext(db: Knex, out: (line: string) => void, err: (line: string) => void = out): CliContext {
  return { db, clock: fixedClock(new Date('2026-11-27T00:00:00Z')), config: loadConfig({ NODE_ENV: 'test' }), log: createLogger('silent'), out, err };
}
