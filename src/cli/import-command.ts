import fs from 'node:fs';
import { CliCommand, CliContext, CliError } from './command';
import { writeAudit } from '../audit/audit-writer';
import { IMPORT_KINDS, importKind } from '../features';
import { analyseFile, RowError, commitImport, cliDuplicateRefused, duplicateFound, imported, rowError, rowWarning, rowWarningsSummary } from '../features/imports';

const ALLOW_DUPLICATE = '--allow-duplicate';
const USAGE = `<${IMPORT_KINDS.map((k) => k.kind).join('|')}> FILE [${ALLOW_DUPLICATE}]   (CSVを取り込みます。1行でも誤りがあれば何も取り込みません。`
  + `既に取り込んだ内容と重複しているファイルは ${ALLOW_DUPLICATE} を付けたときだけ取り込みます)`;

function printRowErrors(ctx: CliContext, rowErrors: RowError[]): number {
  for (const e of rowErrors) for (const reason of e.reasons) ctx.err(rowError(e.row, reason));
  ctx.err(`誤りのある行が${rowErrors.length}行あるため、何も取り込んでいません。`);
  return 1;
}

function parseArgs(args: string[]) {
  const allowDuplicate = args.includes(ALLOW_DUPLICATE);
  const [kind, file, ...rest] = args.filter((a) => a !== ALLOW_DUPLICATE);
  const spec = kind ? importKind(kind) : undefined;
  if (!spec || !file || rest.length > 0) throw new CliError(`使い方: npm run cli -- import ${USAGE}`);
  return { spec, file, allowDuplicate };
}

/** `import consultations FILE [--allow-duplicate]`: the same pipeline as the upload page; imported rows have no staff. */
async function run(args: string[], ctx: CliContext): Promise<number> {
  const { spec, file, allowDuplicate } = parseArgs(args);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    throw new CliError(`ファイル ${file} を読めません`);
  }
  const now = ctx.clock.now();
  const analysis = await analyseFile(ctx.db, spec, bytes, now);
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
  const result = await commitImport(ctx.db, spec, analysis.rows, {
    batchId: null, contentHash: analysis.contentHash!, actor: { userId: null, now }, allowDuplicate,
    audit: (trx, action, batchId) => writeAudit(trx, now, { action, recordType: 'import_batch', recordId: batchId, actorUsername: 'cli' }),
  });
  if (!result.ok && 'duplicate' in result) {
    ctx.err(`${duplicateFound(result.duplicate)}${cliDuplicateRefused}`);
    return 1;
  }
  if (!result.ok) return printRowErrors(ctx, result.rowErrors);
  if (result.duplicate) ctx.err(`${duplicateFound(result.duplicate)}${ALLOW_DUPLICATE} の指定により取り込みます。`);
  ctx.out(imported(result.count));
  return 0;
}

export const importCommands: Record<string, CliCommand> = { import: { usage: USAGE, run } };
