/**
 * A first start, as a new operator meets it: the compiled dist/src/server.js in its own process (what
 * `npm start` runs) on a brand-new database — a DATA_DIR that does not exist yet, or, when
 * TEST_DATABASE_URL is set, a new empty PostgreSQL database dropped afterwards — with no
 * INITIAL_ADMIN_PASSWORD, so the server makes the first administrator and prints the one-time
 * password once on its console, where the journey reads it. No seed: the app starts empty.
 */
import { ChildProcess, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { freePort, freshDatabase, kill, waitForHealth } from './server';
import { ROOT, SERVER_ARGS } from '../helpers/compiled-app';


export interface FirstRunServer {
  baseUrl: string;
  /** The first administrator as the console names them. */
  admin: { username: string; password: string };
  output(): string;
  stop(): Promise<void>;
}

/** The lines ensureInitialAdmin prints (src/auth/bootstrap.ts). */
function printedAdmin(output: string): { username: string; password: string } {
  const username = output.match(/ユーザー名 username: (\S+)/)?.[1];
  const password = output.match(/パスワード password: (\S+)/)?.[1];
  if (!username || !password) throw new Error(`the server printed no one-time password:\n${output}`);
  return { username, password };
}

export async function startFirstRunServer(): Promise<FirstRunServer> {
  const database = await freshDatabase();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env, NODE_ENV: 'production', LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'error', HOST: '127.0.0.1', PORT: String(port),
    SESSION_SECRET: crypto.randomBytes(32).toString('hex'),
    // Set empty, not left out: the server loads .env, which never overrides a variable that is set.
    INITIAL_ADMIN_USERNAME: '', INITIAL_ADMIN_PASSWORD: '', DATABASE_URL: database.env.DATABASE_URL ?? '',
    // A directory inside the fresh temporary one, not made yet: the server creates it.
    DATA_DIR: database.env.DATA_DIR ? path.join(database.env.DATA_DIR, 'data') : '',
  };
  let log = '';
  const child: ChildProcess = spawn(process.execPath, SERVER_ARGS, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const keep = (chunk: Buffer) => { log = (log + chunk.toString('utf8')).slice(-20_000); };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const output = () => log;
  const stop = async () => {
    await kill(child);
    process.removeListener('exit', killOnExit);
    await database.drop();
  };
  try {
    await waitForHealth(baseUrl, child, output);
    return { baseUrl, admin: printedAdmin(output()), output, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
