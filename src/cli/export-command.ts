/**
 * `npm run cli -- export <report-id> --fy 2023 --format csv|xlsx|pdf --out FILE` (a trend table takes
 * `--from 2019 --to 2023` instead of --fy): a report to a file, audited. The operator's export counts every ward.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeAudit } from '../audit/audit-writer';
import { findReport, REPORTS } from '../features';
import {
  isReportFormat, renderReport, REPORT_EXPORT_ACTION, REPORT_FORMATS, reportAuditId, reportFileName,
} from '../features/reports';
import { ALL_WARDS, ReportParamError } from '../contracts/report';
import { ANNUAL_ID } from '../features/annual';
import { CliCommand, CliContext, CliError } from './command';
import { exportAnnual } from './export-annual';

/** Every filter some report accepts (--ward ID …); each report's parser takes the ones it knows. */
const FILTER_OPTIONS = [...new Set(REPORTS.flatMap((r) => r.filters.map((f) => f.name)))];

function parse(args: string[]) {
  try {
    const options = Object.fromEntries(['fy', 'from', 'to', 'format', 'out', ...FILTER_OPTIONS].map((k) => [k, { type: 'string' as const }]));
    return parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (e) {
    throw new CliError((e as Error).message);
  }
}

async function run(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parse(args);
  const v = values as Record<string, string | undefined>;
  const ids = [...REPORTS.map((r) => r.id), ANNUAL_ID].join(', ');
  if (positionals.length !== 1) throw new CliError(`集計表のIDを1つ指定してください（${ids}）`);
  if (positionals[0] === ANNUAL_ID) return exportAnnual(v, ctx);
  const def = findReport(positionals[0]);
  if (!def) throw new CliError(`集計表「${positionals[0]}」はありません。指定できるID: ${ids}`);
  const format = v.format ?? (v.out ? path.extname(v.out).slice(1).toLowerCase() : '');
  if (!isReportFormat(format)) throw new CliError(`--format は ${REPORT_FORMATS.join(' / ')} のいずれかを指定してください`);

  const now = ctx.clock.now();
  const parsed = def.parse(v, now);
  if (!parsed.ok) throw new CliError(parsed.errorList.map((e) => `--${e.field}: ${e.message}`).join('\n'));
  let table;
  try {
    table = await def.build(ctx.db, parsed.params, ALL_WARDS);
  } catch (e) {
    if (e instanceof ReportParamError) throw new CliError(`--${e.field}: ${e.message}`);
    throw e;
  }
  const body = await renderReport(table, format, now);
  const out = path.resolve(v.out ?? reportFileName(def, parsed.params, format));
  try {
    fs.writeFileSync(out, body);
  } catch (e) {
    throw new CliError(`${out} に書き込めませんでした: ${(e as Error).message}`);
  }
  await writeAudit(ctx.db, now, { action: REPORT_EXPORT_ACTION, recordType: 'report', recordId: reportAuditId(def, parsed.params, format), actorUsername: 'cli' });
  ctx.out(`${table.title} を書き出しました: ${out}（${body.length.toLocaleString('ja-JP')} バイト）`);
  return 0;
}

export const exportCommands: Record<string, CliCommand> = {
  export: {
    usage: `<report-id | annual> [--fy 2023 | --from 2019 --to 2023] --format csv|xlsx|pdf [--out FILE] [${FILTER_OPTIONS.map((f) => `--${f} ID`).join(' ')}]`,
    run,
  },
};
