import fs from 'node:fs';
import { Knex } from 'knex';
import { writeAudit } from '../audit/audit-writer';
import { sha256File } from '../db/backup-file';
import { PgToolError, pgRestore } from '../db/backup-pg';
import { restorePglite } from '../db/backup-pglite';
import { describeCounts, tableCounts, TableCount, userData } from '../db/backup-stats';
import { Database, knexOnPglite } from '../db/knex';
import { printSummary, RESTORE_ACTION } from './backup-output';
import { CliContext, CliError } from './command';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The audit row goes into the restored database: it is the one the office goes on with. */
async function afterRestore(db: Knex, ctx: CliContext, sha256: string): Promise<TableCount[]> {
  await writeAudit(db, ctx.clock.now(), { action: RESTORE_ACTION, recordType: 'backup', recordId: sha256, actorUsername: 'cli' });
  return tableCounts(db);
}

/** PGlite: close the open instance (the lock stays held), swap the data directory, reopen. */
async function restoreIntoPglite(ctx: CliContext, database: Database, file: string, sha256: string, keepPrevious: boolean) {
  await ctx.db.destroy();
  await database.pglite!.close();
  const stamp = ctx.clock.now().toISOString().replace(/[:.]/g, '-');
  let restored;
  try {
    restored = await restorePglite(ctx.config.dataDir, fs.readFileSync(file), stamp);
  } catch (e) {
    throw new CliError(`復元できませんでした（元のデータはそのままです）: ${message(e)}`);
  }
  const db = knexOnPglite(restored.pglite);
  let counts: TableCount[];
  try {
    counts = await afterRestore(db, ctx, sha256);
  } finally {
    await db.destroy();
    await restored.pglite.close();
  }
  if (restored.previous && !keepPrevious) fs.rmSync(restored.previous, { recursive: true, force: true });
  return { counts, previous: keepPrevious ? restored.previous : null };
}

async function restoreIntoPostgres(ctx: CliContext, file: string, sha256: string) {
  try {
    await pgRestore(ctx.config.databaseUrl!, file);
  } catch (e) {
    if (e instanceof PgToolError) throw new CliError(`復元できませんでした（データベースは変更していません）: ${e.message}`);
    throw e;
  }
  return { counts: await afterRestore(ctx.db, ctx, sha256), previous: null };
}

/**
 * Replaces the whole database with a backup. A database holding the office's work is
 * overwritten only with --force.
 */
export async function restore(ctx: CliContext, database: Database, file: string, force: boolean): Promise<number> {
  const existing = userData(await tableCounts(ctx.db));
  if (existing.length > 0 && !force) {
    throw new CliError([
      `復元先のデータベースにはデータがあります（${describeCounts(existing)}）。何も変更していません。`,
      '上書きしてよい場合だけ --force を付けて実行してください。',
    ].join('\n'));
  }
  const sha256 = await sha256File(file);
  const { counts, previous } = database.pglite
    ? await restoreIntoPglite(ctx, database, file, sha256, existing.length > 0)
    : await restoreIntoPostgres(ctx, file, sha256);
  ctx.out(`バックアップから復元しました: ${file}（SHA-256 ${sha256}）`);
  printSummary(ctx, counts);
  if (previous) ctx.out(`  上書き前のデータは ${previous} に残しました。確認後、不要になったら削除してください。`);
  return 0;
}
