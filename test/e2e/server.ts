/**
 * The app as an operator runs it (dist/src/server.js, what `npm start` runs, in its own process, NODE_ENV=production) on a free loopback port,
 * on a fresh database: a temporary PGlite DATA_DIR, or a new PostgreSQL database when
 * TEST_DATABASE_URL is set. Seeded first (test/e2e/seed.ts), then started.
 */
import { ChildProcess, execFile, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import knexFactory from 'knex';
import type { SeedResult } from './seed-data';
import { ROOT, SERVER_ARGS } from '../helpers/compiled-app';

const run = promisify(execFile);
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

export interface E2eServer {
  baseUrl: string;
  seed: SeedResult;
  /** What the server wrote (shown when a journey fails to start). */
  output(): string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** A fresh database: its environment for the seed and the server, and how to drop it. */
export async function freshDatabase(): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  const pgUrl = process.env.TEST_DATABASE_URL;
  if (!pgUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-e2e-data-'));
    return { env: { DATA_DIR: dir }, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `kk_e2e_${crypto.randomBytes(6).toString('hex')}`;
  const admin = knexFactory({ client: 'pg', connection: pgUrl, pool: { min: 0, max: 1 } });
  await admin.raw('CREATE DATABASE ??', [name]);
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    drop: async () => {
      await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [name]);
      await admin.destroy();
    },
  };
}

export async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output()}`);
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server did not answer /healthz within 60 s:\n${output()}`);
}

/** Ends the server: SIGTERM (graceful shutdown closes the database), SIGKILL if it lingers. */
export function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => { clearTimeout(force); resolve(); });
    child.kill('SIGTERM');
  });
}

export async function startE2eServer(): Promise<E2eServer> {
  const database = await freshDatabase();
  // The shell's DATABASE_URL / DATA_DIR never leak in: the engine is the one freshDatabase() chose.
  const env = {
    ...process.env, DATABASE_URL: '', DATA_DIR: '', ...database.env, NODE_ENV: 'production', LOG_LEVEL: 'error', HOST: '127.0.0.1',
    SESSION_SECRET: crypto.randomBytes(32).toString('hex'),
  };
  let child: ChildProcess | undefined;
  // If jest itself ends without its teardown (an uncaught error, a signal), the server goes too.
  const killOnExit = () => child?.kill('SIGKILL');
  const onSignal = (signal: NodeJS.Signals) => {
    killOnExit();
    unguard();
    if (database.env.DATA_DIR) fs.rmSync(database.env.DATA_DIR, { recursive: true, force: true });
    process.kill(process.pid, signal);
  };
  const unguard = () => {
    process.removeListener('exit', killOnExit);
    for (const sig of SIGNALS) process.removeListener(sig, onSignal);
  };
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'test/e2e/seed.ts'], { cwd: ROOT, env, maxBuffer: 1 << 20 });
    const seed = JSON.parse(stdout.trim().split('\n').pop()!) as SeedResult;
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    let log = '';
    child = spawn(process.execPath, SERVER_ARGS, { cwd: ROOT, env: { ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
    process.once('exit', killOnExit);
    for (const sig of SIGNALS) process.once(sig, onSignal);
    const keep = (chunk: Buffer) => { log = (log + chunk.toString('utf8')).slice(-20_000); };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    const output = () => log;
    await waitForHealth(baseUrl, child, output);
    const server = child;
    return {
      baseUrl, seed, output,
      stop: async () => {
        await kill(server);
        unguard();
        await database.drop();
      },
    };
  } catch (err) {
    if (child) await kill(child);
    unguard();
    await database.drop();
    throw err;
  }
}
