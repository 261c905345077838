import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { acquireDataDirLock, DataDirBusyError } from '../../src/db/lock';

test('a second holder of the data directory is refused while the first is alive; a stale lock is taken over', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-lock-'));
  fs.writeFileSync(path.join(dir, 'app.lock'), String(process.ppid));
  expect(() => acquireDataDirLock(dir)).toThrow(DataDirBusyError);
  const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
  fs.writeFileSync(path.join(dir, 'app.lock'), dead);
  const lock = acquireDataDirLock(dir);
  expect(fs.readFileSync(path.join(dir, 'app.lock'), 'utf8')).toBe(String(process.pid));
  lock.release();
  expect(fs.existsSync(path.join(dir, 'app.lock'))).toBe(false);
  fs.rmSync(dir, { recursive: true });
});
