/**
 * The app as operators run it: `npm start` and `npm run cli` run node on the compiled JavaScript
 * in dist/, so the tests that start the server or the CLI as a process run that too.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');

/** node's arguments for the server, as `npm start` gives them (run in ROOT). */
export const SERVER_ARGS = ['--enable-source-maps', 'dist/src/server.js'];

/** node's arguments for a CLI command, as `npm run cli -- …` gives them (run in ROOT). */
export const cliArgs = (args: string[]): string[] => ['--enable-source-maps', 'dist/src/cli.js', ...args];

/**
 * Rebuilds dist/ when a source is newer (a no-op otherwise). Called once per test run, in the
 * global setup before any worker starts: two workers building at once would pull dist/ from
 * under each other's servers.
 */
export function ensureBuilt(): void {
  execFileSync(process.execPath, ['build.js', '--if-stale'], { cwd: ROOT, stdio: 'inherit' });
}
