import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as ExcelJS from 'exceljs';
import { Knex } from 'knex';
import { openTestDatabase, TestDatabase } from '../../helpers/test-db';
import { exportCommands } from '../../../src/cli/export-command';
import { CliContext, CliError } from '../../../src/cli/command';
import { fixedClock } from '../../../src/clock';
import { loadConfig } from '../../../src/config';
import { createLogger } from '../../../src/logger';
import { pdfPages } from '../../lib/table/fixtures';
import { insertKnownConsultations, KNOWN_MONTHLY_CSV_2023 } from './known-data';

let tdb: TestDatabase;
let db: Knex;
let dir: string;
let out: string[];
let ctx: CliContext;
beforeAll(async () => {
  tdb = await openTestDatabase();
  db = tdb.db;
  await insertKnownConsultations(db);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-export-'));
});
afterAll(async () => {
  await tdb.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  out = [];
  ctx = { db, clock: fixedClock(new Date('2026-11-27T00:00:00Z')), config: loadConfig({ NODE_ENV: 'test' }), log: createLogger('silent'), out: (s) => out.push(s), err: (s) => out.push(s) };
});

const run = (args: string[]) => exportCommands.export.run(args, ctx);
const audited = (recordId: string) => db('audit_log').where({ action: 'report.export', record_type: 'report', record_id: recordId, actor_username: 'cli' });

test('writes the CSV, prints the path and size, and audits as cli', async () => {
  const file = path.join(dir, 'monthly.csv');
  expect(await run(['consultations-monthly', '--fy', '2023', '--format', 'csv', '--out', file])).toBe(0);
  const body = fs.readFileSync(file);
  expect(body.equals(Buffer.from(KNOWN_MONTHLY_CSV_2023, 'utf8'))).toBe(true);
  expect(out.join('\n')).toContain(file);
  expect(out.join('\n')).toContain(`${body.length.toLocaleString('ja-JP')} バイト`);
  expect(await audited('consultations-monthly:2023:csv')).toHaveLength(1);
});

test('writes xlsx with numbers as numbers', async () => {
  const file = path.join(dir, 'ward.xlsx');
  expect(await run(['consultations-by-ward', '--fy', '2023', '--format', 'xlsx', '--out', file])).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  expect(ws.getCell('A4').value).toBe('区');
  expect(ws.getCell('A6').value).toBe('中央区');
  expect(ws.getCell('F6').value).toBe(1);
  expect(await audited('consultations-by-ward:2023:xlsx')).toHaveLength(1);
});

test('writes a PDF (format taken from the file name when --format is left out)', async () => {
  const file = path.join(dir, 'monthly.pdf');
  expect(await run(['consultations-monthly', '--fy', '2023', '--out', file])).toBe(0);
  const [page] = pdfPages(fs.readFileSync(file));
  expect(page).toContain('令和5年度 成年後見制度に関する相談件数');
  expect(await audited('consultations-monthly:2023:pdf')).toHaveLength(1);
});

test.each([
  [['no-such-report', '--fy', '2023', '--format', 'csv'], /集計表「no-such-report」はありません/],
  [['consultations-monthly', '--fy', '2023', '--format', 'docx'], /--format は csv \/ xlsx \/ pdf/],
  [['consultations-monthly', '--fy', '1999', '--format', 'csv'], /--fy: 年度は2000〜2100/],
  [['consultations-monthly', '--fy', '2023', '--format', 'csv', '--ward', '999999'], /指定された区が見つかりません/],
  [['--fy', '2023', '--format', 'csv'], /集計表のIDを1つ指定してください/],
  [['consultations-monthly', '--year', '2023'], CliError],
])('refuses %p with a Japanese message and writes nothing', async (args, message) => {
  const before = fs.readdirSync(dir).length;
  await expect(run([...args, ...(args.includes('--out') ? [] : ['--out', path.join(dir, 'never.csv')])])).rejects.toThrow(message);
  expect(fs.readdirSync(dir)).toHaveLength(before);
});
