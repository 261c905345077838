import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** What a backup file holds: PGlite's data-directory tarball, or a pg_dump custom-format archive. */
export type BackupKind = 'pglite' | 'pg';

export const BACKUP_KIND_LABELS: Record<BackupKind, string> = {
  pglite: 'PGlite（組み込み）のデータディレクトリ',
  pg: 'PostgreSQL の pg_dump（カスタム形式）',
};

export const ENGINE_LABELS: Record<BackupKind, string> = { pglite: 'PGlite（組み込み、DATA_DIR）', pg: 'PostgreSQL（DATABASE_URL）' };

/** Recognises a backup by its first bytes: gzip or tar → PGlite, "PGDMP" → pg_dump -Fc. */
export function detectBackupKind(file: string): BackupKind | null {
  const head = Buffer.alloc(262);
  const fd = fs.openSync(file, 'r');
  let n: number;
  try { n = fs.readSync(fd, head, 0, head.length, 0); } finally { fs.closeSync(fd); }
  if (n >= 5 && head.subarray(0, 5).toString('latin1') === 'PGDMP') return 'pg';
  if (n >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
  if (n >= 262 && head.subarray(257, 262).toString('latin1') === 'ustar') return 'pglite';
  return null;
}

export async function sha256File(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Writes a backup readable by its owner only (0600): into a new temporary file beside the
 * target, renamed over it when complete, so a failed backup never leaves a truncated file.
 */
export async function writePrivateFile(target: string, write: (fd: number) => Promise<void>): Promise<number> {
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.partial`);
  const fd = fs.openSync(tmp, 'wx', 0o600);
  try {
    try {
      await write(fd);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.chmodSync(tmp, 0o600); // whatever the umask
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  return fs.statSync(target).size;
}
