import fs from 'node:fs';
import path from 'node:path';

export interface DataDirLock { release(): void }

export class DataDirBusyError extends Error {
  constructor(public readonly pid: number) {
    super(`データディレクトリは別のプロセス (pid ${pid}) が使用中です。サーバーを停止してから実行してください。`);
  }
}

function alive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === 'EPERM'; }
}

/** PGlite has no guard against two processes opening one directory: we hold a pid file. */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const file = path.join(dataDir, 'app.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      return { release: () => { try { fs.unlinkSync(file); } catch { /* already gone */ } } };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(fs.readFileSync(file, 'utf8'));
      if (pid && pid !== process.pid && alive(pid)) throw new DataDirBusyError(pid);
      fs.unlinkSync(file); // stale lock from a crashed process
    }
  }
  throw new Error('could not lock data directory');
}
