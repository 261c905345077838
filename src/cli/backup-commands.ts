/**
 * `backup --out FILE` and `restore FILE [--force]` on either engine: PGlite's data-directory
 * tarball, or pg_dump / pg_restore for PostgreSQL. Both audited (actor 'cli').
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeAudit } from '../audit/audit-writer';
import { BACKUP_KIND_LABELS, detectBackupKind, ENGINE_LABELS, sha256File, writePrivateFile } from '../db/backup-file';
import { PgToolError, pgDump } from '../db/backup-pg';
import { dumpPglite } from '../db/backup-pglite';
import { tableCounts } from '../db/backup-stats';
import type { Database } from '../db/knex';
import { BACKUP_ACTION, printSummary } from './backup-output';
import { restore } from './backup-restore';
import { CliCommand, CliContext, CliError } from './command';

function parse(args: string[], options: Record<string, { type: 'string' | 'boolean' }>) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (e) {
    throw new CliError((e as Error).message);
  }
}

function databaseOf(ctx: CliContext): Database {
  if (!ctx.database) throw new CliError('データベースが開かれていません');
  return ctx.database;
}

async function backup(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parse(args, { out: { type: 'string' } });
  if (positionals.length > 0 || typeof values.out !== 'string' || values.out === '') {
    throw new CliError('使い方: npm run cli -- backup --out FILE');
  }
  const database = databaseOf(ctx);
  const out = path.resolve(values.out);
  if (!fs.existsSync(path.dirname(out))) throw new CliError(`フォルダー ${path.dirname(out)} がありません`);
  const counts = await tableCounts(ctx.db);
  let bytes: number;
  try {
    bytes = await writePrivateFile(out, async (fd) => {
      if (database.pglite) fs.writeFileSync(fd, await dumpPglite(database.pglite));
      else await pgDump(ctx.config.databaseUrl!, fd);
    });
  } catch (e) {
    if (e instanceof PgToolError) throw new CliError(e.message);
    throw new CliError(`${out} に書き込めませんでした: ${(e as Error).message}`);
  }
  const sha256 = await sha256File(out);
  await writeAudit(ctx.db, ctx.clock.now(), { action: BACKUP_ACTION, recordType: 'backup', recordId: sha256, actorUsername: 'cli' });
  ctx.out(`バックアップを作成しました: ${out}`);
  ctx.out(`  形式: ${BACKUP_KIND_LABELS[database.engine]}、${bytes.toLocaleString('ja-JP')} バイト、SHA-256 ${sha256}`);
  printSummary(ctx, counts);
  ctx.out('  このファイルには要配慮個人情報が含まれます（所有者だけが読める権限 0600 で作成しました）。');
  return 0;
}

async function restoreCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parse(args, { force: { type: 'boolean' } });
  if (positionals.length !== 1) throw new CliError('使い方: npm run cli -- restore FILE [--force]');
  const file = path.resolve(positionals[0]);
  let kind;
  try {
    kind = detectBackupKind(file);
  } catch {
    throw new CliError(`ファイル ${file} を読めません`);
  }
  if (!kind) throw new CliError(`${file} はこのシステムのバックアップではありません（PGlite の tar.gz か pg_dump のカスタム形式が必要です）`);
  const database = databaseOf(ctx);
  if (kind !== database.engine) {
    throw new CliError(`${file} は ${ENGINE_LABELS[kind]} のバックアップです。このシステムは ${ENGINE_LABELS[database.engine]} で動いているため復元できません`);
  }
  return restore(ctx, database, file, values.force === true);
}

export const backupCommands: Record<string, CliCommand> = {
  backup: { usage: '--out FILE   (データベース全体をファイルに保存します。権限 0600)', run: backup },
  restore: { usage: 'FILE [--force]   (バックアップから復元します。データがあるときは --force が必要)', run: restoreCommand },
};
