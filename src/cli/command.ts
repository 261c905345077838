import type { AppDeps } from '../deps';
import type { Database } from '../db/knex';

export interface CliContext extends AppDeps {
  /** The open database itself (engine, PGlite instance): backup and restore need more than `db`. */
  database?: Database;
  out(line: string): void;
  err(line: string): void;
}

export interface CliCommand {
  usage: string;
  run(args: string[], ctx: CliContext): Promise<number>;
}

/** An operator mistake: printed as is, exit code 1, no stack. */
export class CliError extends Error {}
