import { ChildProcess, spawn } from 'node:child_process';

/** A PostgreSQL client program failed or is missing; the message is for the operator. */
export class PgToolError extends Error {}

/**
 * libpq target for DATABASE_URL: the URL without its password, which goes in PGPASSWORD
 * so it never appears in the process list.
 */
export function libpqTarget(databaseUrl: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (password) env.PGPASSWORD = password;
  return { dbname: url.toString(), env };
}

/** Resolves when the program exits 0; otherwise rejects with the last lines it wrote to stderr. */
function finished(child: ChildProcess, program: string): Promise<void> {
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => { stderr = (stderr + d.toString()).slice(-4000); });
  return new Promise((resolve, reject) => {
    child.once('error', (e: NodeJS.ErrnoException) => reject(new PgToolError(e.code === 'ENOENT'
      ? `${program} が見つかりません。PostgreSQL のクライアント（Debian: apt-get install postgresql-client）を入れてください。`
      : `${program} を起動できませんでした: ${e.message}`)));
    child.once('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new PgToolError(`${program} が失敗しました（${signal ?? `終了コード ${code}`}）: ${stderr.trim()}`));
    });
  });
}

/** pg_dump in custom format (-Fc: compressed, restorable table by table) into an open file. */
export async function pgDump(databaseUrl: string, fd: number): Promise<void> {
  const { dbname, env } = libpqTarget(databaseUrl);
  const child = spawn('pg_dump', ['--format=custom', '--no-password', `--dbname=${dbname}`], { env, stdio: ['ignore', fd, 'pipe'] });
  await finished(child, 'pg_dump');
}

/** Run before the archive's SQL: an exact replica, whatever tables the target had. */
const RESET_SCHEMA = [
  'DROP SCHEMA public CASCADE;',
  'CREATE SCHEMA public AUTHORIZATION pg_database_owner;',
  'GRANT USAGE ON SCHEMA public TO PUBLIC;',
  '',
].join('\n');

/**
 * Restores a pg_dump archive in one transaction: pg_restore turns it into SQL, psql runs it
 * after replacing the public schema and stops at the first error. psql's input is ended
 * (so it commits) only after pg_restore read the whole archive; otherwise psql is killed
 * and the server rolls everything back.
 */
export async function pgRestore(databaseUrl: string, file: string): Promise<void> {
  const { dbname, env } = libpqTarget(databaseUrl);
  const restore = spawn('pg_restore', ['--no-owner', '--no-acl', '--file=-', file], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const psql = spawn('psql', ['-X', '-q', '--no-password', '--single-transaction', '-v', 'ON_ERROR_STOP=1', `--dbname=${dbname}`],
    { env, stdio: ['pipe', 'ignore', 'pipe'] });
  const psqlDone = finished(psql, 'psql');
  psql.stdin!.on('error', () => { /* psql stopped early: its exit code tells why */ });
  psql.stdin!.write(RESET_SCHEMA);
  restore.stdout!.pipe(psql.stdin!, { end: false });
  try {
    await finished(restore, 'pg_restore');
  } catch (e) {
    const psqlFailedFirst = psql.exitCode !== null; // its error explains the broken pipe
    psql.kill('SIGKILL');
    const psqlError = await psqlDone.then(() => null, (err: unknown) => err);
    throw psqlFailedFirst && psqlError ? psqlError : e;
  }
  psql.stdin!.end();
  await psqlDone;
}
