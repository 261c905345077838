import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';

export interface RunResult { code: number | null; timedOut: boolean; seconds: number }

export const onPath = (bin: string) => spawnSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' }).status === 0;

/**
 * Ends a child started with `detached: true` (its own process group, so a Ctrl-C in the
 * terminal reaches only us): SIGTERM to the group, SIGKILL after `graceMs`.
 */
export async function stopGroup(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = (s: NodeJS.Signals) => { try { process.kill(-child.pid!, s); } catch { /* already gone */ } };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/**
 * Runs a command with no stdin (nothing can prompt), its output appended to `logFile`
 * and each line passed to `onLine`; stopped past `timeoutMs`.
 */
export function run(cmd: string, args: string[], o: { logFile: string; timeoutMs: number; onLine?: (line: string) => void }): Promise<RunResult> {
  if (stopping.now) return Promise.reject(new Error('検査を中断しました / scan interrupted'));
  const started = Date.now();
  const log = fs.createWriteStream(o.logFile, { flags: 'a' });
  log.write(`$ ${cmd} ${args.map((a) => (/[\s"'&;|]/.test(a) ? JSON.stringify(a) : a)).join(' ')}\n`);
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: { ...process.env, PYTHONUNBUFFERED: '1' } });
  let partial = '';
  const onData = (chunk: Buffer) => {
    log.write(chunk);
    if (!o.onLine) return;
    const lines = (partial + chunk.toString('utf8')).split('\n');
    partial = lines.pop() ?? '';
    lines.forEach(o.onLine);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; void stopGroup(child); }, o.timeoutMs);
  activeChildren.add(child);
  return new Promise((resolve, reject) => {
    child.once('error', (err) => { clearTimeout(timer); activeChildren.delete(child); log.end(); reject(err); });
    child.once('close', (code) => {
      clearTimeout(timer);
      activeChildren.delete(child);
      log.end(() => resolve({ code, timedOut, seconds: (Date.now() - started) / 1000 }));
    });
  });
}

/** Scanners still running: stopped by the cleanup when the scan itself is interrupted. */
export const activeChildren = new Set<ChildProcess>();
/** Set by the cleanup: no new scanner may start once it runs. */
export const stopping = { now: false };
