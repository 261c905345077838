import fs from 'node:fs';
import { CliCommand, CliContext, CliError } from './command';
import { writeAudit } from '../audit/audit-writer';
import { IMPORT_KINDS, importKind } from '../features/imports/import-kinds';
import { analyseFile, importRows, RowError } from '../features/imports/import-pipeline';
import { imported, rowError, rowWarning, rowWarningsSummary } from '../features/imports/import-messages';

const USAGE = `<${IMPORT_KINDS.map((k) => k.kind).join('|')}> FILE   (CSVを取り込みます。1行でも誤りがあれば何も取り込みません)`;

function printRowErrors(ctx: CliContext, rowErrors: RowError[]): number {
  for (const e of rowErrors) for (const reason of e.reasons) ctx.err(rowError(e.row, reason));
  ctx.err(`誤りのある行が${rowErrors.length}行あるため、何も取り込んでいません。`);
  return 1;
}

/** `import consultations FILE`: the same pipeline as the upload page; imported rows have no staff. */
async function run(args: string[], ctx: CliContext): Promise<number> {
  const [kind, file, ...rest] = args;
  const spec = kind ? importKind(kind) : undefined;
  if (!spec || !file || rest.length > 0) throw new CliError(`使い方: npm run cli -- import ${USAGE}`);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    throw new CliError(`ファイル ${file} を読めません`);
  }
  const analysis = await analyseFile(ctx.db, spec, bytes);
  if (analysis.encoding) ctx.err(`文字コード: ${analysis.encoding}`);
  for (const w of analysis.warnings) ctx.err(w);
  if (analysis.fileErrors.length > 0) {
    for (const e of analysis.fileErrors) ctx.err(e);
    ctx.err('何も取り込んでいません。');
    return 1;
  }
  if (analysis.rowErrors.length > 0) return printRowErrors(ctx, analysis.rowErrors);
  for (const w of analysis.rowWarnings) for (const reason of w.reasons) ctx.err(rowWarning(w.row, reason));
  if (analysis.rowWarnings.length > 0) ctx.err(rowWarningsSummary(analysis.rowWarnings.length));
  const now = ctx.clock.now();
  const result = await importRows(ctx.db, spec, analysis.rows, { userId: null, now }, (trx) =>
    writeAudit(trx, now, { action: `import.${spec.kind}`, recordType: 'import_file', actorUsername: 'cli' }));
  if (!result.ok) return printRowErrors(ctx, result.rowErrors);
  ctx.out(imported(result.count));
  return 0;
}

export const importCommands: Record<string, CliCommand> = { import: { usage: USAGE, run } };
