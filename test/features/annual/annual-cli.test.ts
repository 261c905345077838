/** `npm run cli -- export annual --fy 2023 --format pdf|xlsx --out FILE`: every ward, audited as cli. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as ExcelJS from 'exceljs';
import { exportCommands } from '../../../src/cli/export-command';
import { annualPlan } from '../../../src/features/annual/annual-build';
import { REPORTS } from '../../../src/features';
import { CliContext, CliError } from '../../../src/cli/command';
import { fixedClock } from '../../../src/clock';
import { loadConfig } from '../../../src/config';
import { createLogger } from '../../../src/logger';
import { useTestDatabase } from '../../helpers/suite';
import { pdfPages } from '../../lib/table/fixtures';
import { insertAnnualData } from './annual-data';

const t = useTestDatabase();
let dir: string;
let out: string[];
let ctx: CliContext;
beforeAll(async () => {
  await insertAnnualData(t.db);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-annual-'));
});
afterAll(() => { fs.rmSync(dir, { recursive: true, force: true }); });
beforeEach(() => {
  out = [];
  ctx = { db: t.db, clock: fixedClock(new Date('2026-11-27T00:00:00Z')), config: loadConfig({ NODE_ENV: 'test' }), log: createLogger('silent'), out: (s) => out.push(s), err: (s) => out.push(s) };
});

const run = (args: string[]) => exportCommands.export.run(args, ctx);
const audited = (id: string) => t.db('audit_log').where({ action: 'report.export', record_type: 'report', record_id: id, actor_username: 'cli' });

test('PDF to a file: cover, contents and the tables; printed and audited', async () => {
  const file = path.join(dir, 'annual.pdf');
  expect(await run(['annual', '--fy', '2023', '--format', 'pdf', '--out', file])).toBe(0);
  const pages = pdfPages(fs.readFileSync(file));
  expect(pages[0]).toContain('令和5年度（2023年度）');
  expect(pages[1]).toContain('目次');
  expect(pages.join('\n')).toContain('令和元年度〜令和5年度 市長申立て件数（根拠法別）');
  expect(out.join('\n')).toContain(file);
  expect(out.join('\n')).toContain(`（${annualPlan(REPORTS, 2023).length}表）`);
  expect(await audited('annual:2023:pdf')).toHaveLength(1);
});

test('xlsx, the format taken from the file name', async () => {
  const file = path.join(dir, 'annual.xlsx');
  expect(await run(['annual', '--fy', '2022', '--out', file])).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  expect(wb.worksheets[0].name).toBe('目次');
  expect(wb.worksheets[1].getCell('A1').value).toBe('令和4年度 成年後見制度に関する相談件数');
  expect(await audited('annual:2022:xlsx')).toHaveLength(1);
});

test('CSV or a bad year is refused with a message, nothing written', async () => {
  const file = path.join(dir, 'bad.csv');
  await expect(run(['annual', '--fy', '2023', '--format', 'csv', '--out', file])).rejects.toThrow(CliError);
  await expect(run(['annual', '--fy', '1999', '--format', 'pdf', '--out', file])).rejects.toThrow(/--fy: 年度は2000〜2100/);
  expect(fs.existsSync(file)).toBe(false);
  await expect(run(['nope', '--fy', '2023', '--format', 'pdf'])).rejects.toThrow(/annual/);
});
