import type { Db } from './db/knex';
import type { Clock } from './clock';
import type { Config } from './config';
import type { Logger } from './logger';

/** What createApp receives and passes down: no container, no globals. */
export interface AppDeps {
  db: Db;
  config: Config;
  clock: Clock;
  log: Logger;
}
