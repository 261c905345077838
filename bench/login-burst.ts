import { fork } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Knex } from 'knex';
import { verifyPassword } from '../src/auth/passwords';
import { BenchUser } from './fixtures';
import { BenchClient } from './http-client';
import type { BurstReport, BurstStart } from './login-burster';
import { Latency, pacedLatency, summarize } from './measure';
import { Progress } from './pages';

export interface LoginResult {
  /** argon2id verification alone, in process: the floor of a login */
  argon2: Latency;
  /** one whole login (GET /login, POST /login) at a time */
  login: Latency;
  /** the probe page with nothing else going on, then during the bursts */
  alone: Latency;
  during: Latency;
  /** the event loop's delay (p99, max; ms) while the probe ran alone and during the bursts */
  loopAlone: { p99: number; max: number };
  loopDuring: { p99: number; max: number };
  probe: string;
  rate: number;
  burstSize: number;
  bursts: number;
  /** logins within the bursts, and how long each whole burst took */
  burstLogins: Latency;
  burst: Latency;
  loginsPerSecond: number;
  loginErrors: number;
}

const PROBE_RATE = 20;
const PROBE_SECONDS = 10;
const BURST = 20;

/** Starts the login bursts in a child process (bench/login-burster.ts); resolves once they run. */
async function startBurster(base: string, users: BenchUser[]): Promise<{ stop: () => Promise<BurstReport> }> {
  const child = fork(path.join(__dirname, 'login-burster.ts'), [], { execArgv: ['--import', 'tsx'] });
  // It stands in for other PCs: on this machine it runs below the app, so its own work (20
  // connections, reading the login form) is not counted against the app's responses.
  if (child.pid) os.setPriority(child.pid, Math.min(19, os.getPriority() + 10));
  const next = () => new Promise<unknown>((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`login burster exited (${code})`)));
  });
  const started = next();
  child.send({ base, users } satisfies BurstStart);
  await started;
  return {
    stop: async () => {
      const report = next();
      child.send('stop');
      return (await report) as BurstReport;
    },
  };
}

/**
 * Does argon2 block other requests? A logged-in page is paced at 20 a second for 10 seconds,
 * first alone, then while a burst of 20 parallel logins (distinct staff accounts, password only)
 * starts every second (or as soon as the previous one is done, if it takes longer), sent from
 * another process as from other PCs.
 * Target: p95 during the bursts < 50 ms.
 */
export async function measureLogin(db: Knex, base: string, probe: () => Promise<unknown>, probeName: string, users: BenchUser[], progress: Progress): Promise<LoginResult> {
  const one = users[0];
  const { password_hash: hash } = await db('users').where({ id: one.id }).first('password_hash');
  progress('ログイン: argon2 のみ'); const argon2 = await pacedLatency(() => verifyPassword(hash, one.password), 2, 5);
  progress('ログイン: 1件ずつ'); const login = await pacedLatency(() => new BenchClient(base).login(one.username, one.password), 2, 5);
  const loop = monitorEventLoopDelay({ resolution: 5 });
  const loopNow = () => ({ p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 });
  loop.enable();
  progress('ログイン: 一覧画面のみ'); const alone = await pacedLatency(probe, PROBE_RATE, PROBE_SECONDS);
  const loopAlone = loopNow();
  loop.reset();
  const burster = await startBurster(base, users.slice(0, BURST));
  const started = performance.now();
  progress(`ログイン: ${BURST}件同時のログインを繰り返す間の一覧画面（ログインは別プロセスから）`);
  const during = await pacedLatency(probe, PROBE_RATE, PROBE_SECONDS, 0);
  const loopDuring = loopNow();
  loop.disable();
  const { times, burstTimes, loginErrors, bursts } = await burster.stop();
  const elapsed = (performance.now() - started) / 1000;
  return {
    argon2, login, alone, during, loopAlone, loopDuring, probe: probeName, rate: PROBE_RATE, burstSize: BURST, bursts,
    burstLogins: summarize(times, loginErrors), burst: summarize(burstTimes), loginsPerSecond: times.length / elapsed, loginErrors,
  };
}
