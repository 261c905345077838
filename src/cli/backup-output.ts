import { describeCounts, TableCount, totalRows } from '../db/backup-stats';
import { CliContext } from './command';

export const BACKUP_ACTION = 'backup.create';
export const RESTORE_ACTION = 'backup.restore';

/** Tables and rows, as the operator sees them after a backup or a restore. */
export function printSummary(ctx: CliContext, counts: TableCount[]): void {
  ctx.out(`  テーブル ${counts.length} 個、合計 ${totalRows(counts).toLocaleString('ja-JP')} 行`);
  const filled = counts.filter((c) => c.rows > 0);
  if (filled.length > 0) ctx.out(`  内訳: ${describeCounts(filled)}`);
}
