import * as ExcelJS from 'exceljs';
import { useTestApp } from '../../helpers/suite';
import { raw } from '../../fuzz/leaks';
import { pdfPages } from '../../lib/table/fixtures';
import { drawnValues, seriesValues } from '../../lib/chart/chart-data';
import { shownNumber, shownRows } from '../../lib/chart/html-table';
import { insertCourtYear } from './helpers';

const t = useTestApp(); // 2026-11-27 → FY2026
const staff = t.user('staff');
const manager = t.user('manager');

beforeAll(async () => {
  await insertCourtYear(t.db, 2022, { 後見: 1100, 保佐: 250, 補助: 120, 任意後見: 30 }); // 1,500
  await insertCourtYear(t.db, 2023, { 後見: 1130, 保佐: 260, 補助: 124, 任意後見: 30 }); // 1,544
  await insertCourtYear(t.db, 2025, { 後見: 1170, 保佐: 280, 補助: 140, 任意後見: 30 }); // 1,620
});

const COLUMNS = ['court_users_actual', 'court_users_path', 'court_users_target', 'citizen_guardian_cases_actual', 'citizen_guardian_cases_path', 'citizen_guardian_cases_target'];

test('the table: each year\'s 実績 (記録なし where none), the straight-line 計画値 and the 目標値', async () => {
  const res = await staff.agent.get('/indicators');
  expect(res.status).toBe(200);
  const rows = shownRows(res.text, 'indicators');
  expect(rows.map((r) => r.label)).toEqual(Array.from({ length: 10 }, (_, i) => 2022 + i).map((y) => expect.stringMatching(new RegExp(`^${y}年（`))));
  const row = (y: number) => rows[y - 2022].cells;
  expect(row(2022)).toEqual(['1,500', '', '', '記録なし', '', '']);
  expect(row(2023)).toEqual(['1,544', '1,544', '', '記録なし', '5', '']);
  expect(row(2024)).toEqual(['記録なし', '1,581.5', '', '記録なし', '6.9', '']);
  expect(row(2025)).toEqual(['1,620', '1,619', '', '記録なし', '8.8', '']);
  expect(row(2027)).toEqual(['', '1,694', '', '', '12.5', '']);
  expect(row(2031)).toEqual(['', '1,844', '1,844', '', '20', '20']);
  expect(res.text).not.toContain('実績は「記録なし」と表示します'); // indicator 2 reads the roster
});

test('each chart draws exactly the numbers of its columns in the table', async () => {
  const res = await manager.agent.get('/indicators');
  const rows = shownRows(res.text, 'indicators');
  const drawn = [...drawnValues(res.text, 'chart-indicator-1'), ...drawnValues(res.text, 'chart-indicator-2')];
  expect(drawn.length).toBeGreaterThan(15);
  COLUMNS.forEach((column, j) => {
    expect([column, seriesValues(drawn, column, rows.length)]).toEqual([column, rows.map((r) => shownNumber(r.cells[j]))]);
  });
  expect(res.text).toMatch(/<svg [^>]*id="chart-indicator-1"[^>]*role="img"/);
});

test('the latest value against the path: 1,620 (2025) vs 1,619', async () => {
  const res = await staff.agent.get('/indicators');
  expect(res.text).toContain('1,620人（令和7年（2025年））');
  expect(res.text).toContain('計画値との差 ＋1人');
});

test('report indicators in CSV, xlsx and PDF, audited', async () => {
  const csv = await raw('csv', staff.agent.get('/reports/indicators.csv?fy=2026'));
  const lines = csv.body.toString('utf8').split('\r\n');
  expect(lines[0]).toBe('\uFEFF年（指標2は年度）,指標1 成年後見制度利用者数（人）/実績,指標1 成年後見制度利用者数（人）/計画値（直線）,指標1 成年後見制度利用者数（人）/目標値,'
    + '指標2 市民後見人の対応ケース数（件）/実績,指標2 市民後見人の対応ケース数（件）/計画値（直線）,指標2 市民後見人の対応ケース数（件）/目標値');
  expect(lines).toContain('2026年（令和8年）,記録なし,1656.5,,記録なし,10.6,');
  const xlsx = await raw('xlsx', staff.agent.get('/reports/indicators.xlsx?fy=2026'));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.body as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const values = ws.getColumn(2).values.filter((v) => typeof v === 'number');
  expect(values).toEqual([1500, 1544, 1620]);
  const pdf = await raw('pdf', staff.agent.get('/reports/indicators.pdf?fy=2026'));
  expect(pdf.headers['content-type']).toBe('application/pdf');
  expect(pdfPages(pdf.body).join('\n')).toContain('成果指標の実績と計画値');
  const audited = await t.db('audit_log').where({ action: 'report.export' }).whereLike('record_id', 'indicators:2026:%').pluck('record_id');
  expect(audited.sort()).toEqual(['indicators:2026:csv', 'indicators:2026:pdf', 'indicators:2026:xlsx']);
});

test('as of an earlier year, later years show no 実績', async () => {
  const res = await staff.agent.get('/reports/indicators?fy=2023');
  const rows = shownRows(res.text, 'indicators');
  expect(rows.find((r) => r.label.startsWith('2025年'))!.cells[0]).toBe('');
  expect(res.text).toContain('令和5年度時点');
});
