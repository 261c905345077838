import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { stopGroup } from './proc';

export interface AppProcess {
  port: number;
  url: string;
  /** How the app ended, if it ended before we stopped it (a crash under attack is a finding). */
  exited(): string | null;
  stop(): Promise<void>;
}

const ROOT = path.resolve(__dirname, '..');
const START_LIMIT_MS = 90_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function waitHealthy(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + START_LIMIT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`アプリが起動しませんでした (exit ${child.exitCode})`);
    try {
      if ((await fetch(`${url}/healthz`)).status === 200) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('アプリが時間内に起動しませんでした');
}

/**
 * The compiled server, as `npm start` runs it in production (NODE_ENV=production, behind an
 * HTTPS proxy), on 127.0.0.1 and a free port, with the scan's database; its output goes to
 * `logFile`. dist/ is rebuilt first when a source is newer.
 */
export async function startApp(dbEnv: Record<string, string>, logFile: string): Promise<AppProcess> {
  const port = await freePort();
  const out = fs.openSync(logFile, 'a');
  execFileSync(process.execPath, ['build.js', '--if-stale'], { cwd: ROOT, stdio: 'inherit' });
  const child = spawn(process.execPath, ['--enable-source-maps', 'dist/src/server.js'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', out, out],
    env: {
      ...process.env, ...dbEnv, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port),
      SESSION_SECRET: crypto.randomBytes(32).toString('hex'), TRUST_PROXY: 'true', LOG_LEVEL: 'warn',
    },
  });
  fs.closeSync(out);
  const url = `http://127.0.0.1:${port}`;
  let stopping = false;
  let ended: string | null = null;
  child.once('exit', (code, signal) => { if (!stopping) ended = signal ? `signal ${signal}` : `exit ${code}`; });
  const stop = () => { stopping = true; return stopGroup(child, 10_000); };
  try {
    await waitHealthy(url, child);
  } catch (e) {
    await stop();
    throw e;
  }
  return { port, url, stop, exited: () => ended };
}
