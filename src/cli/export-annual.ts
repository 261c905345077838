/**
 * `npm run cli -- export annual --fy 2023 --format pdf|xlsx [--out FILE]`: the annual report (年報)
 * to a file, every ward, audited like the other exports.
 */
import fs from 'node:fs';
import path from 'node:path';
import { writeAudit } from '../audit/audit-writer';
import { REPORTS } from '../features';
import { annualPlan, ANNUAL_FORMATS, annualAuditId, annualFileName, isAnnualFormat, renderAnnual } from '../features/annual';
import { fyAndFilters, REPORT_EXPORT_ACTION } from '../features/reports';
import { ALL_WARDS } from '../contracts/report';
import { CliContext, CliError } from './command';

const parseFy = fyAndFilters([]);

export async function exportAnnual(v: Record<string, string | undefined>, ctx: CliContext): Promise<number> {
  const format = v.format ?? (v.out ? path.extname(v.out).slice(1).toLowerCase() : '');
  if (!isAnnualFormat(format)) throw new CliError(`年報の --format は ${ANNUAL_FORMATS.join(' / ')} のいずれかを指定してください`);
  const now = ctx.clock.now();
  const parsed = parseFy({ fy: v.fy }, now);
  if (!parsed.ok) throw new CliError(parsed.errorList.map((e) => `--${e.field}: ${e.message}`).join('\n'));
  const { fy } = parsed.params;
  const { report, body } = await renderAnnual(ctx.db, fy, format, { now, scope: ALL_WARDS, plan: annualPlan(REPORTS, fy) });
  const out = path.resolve(v.out ?? annualFileName(fy, format));
  try {
    fs.writeFileSync(out, body);
  } catch (e) {
    throw new CliError(`${out} に書き込めませんでした: ${(e as Error).message}`);
  }
  await writeAudit(ctx.db, now, { action: REPORT_EXPORT_ACTION, recordType: 'report', recordId: annualAuditId(fy, format), actorUsername: 'cli' });
  ctx.out(`${report.title}（${report.parts.length}表）を書き出しました: ${out}（${body.length.toLocaleString('ja-JP')} バイト）`);
  return 0;
}
