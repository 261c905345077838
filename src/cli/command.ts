import type { AppDeps } from '../deps';

export interface CliContext extends AppDeps {
  out(line: string): void;
  err(line: string): void;
}

export interface CliCommand {
  usage: string;
  run(args: string[], ctx: CliContext): Promise<number>;
}

/** An operator mistake: printed as is, exit code 1, no stack. */
export class CliError extends Error {}
