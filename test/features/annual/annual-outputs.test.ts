/** The annual report's workbook, page, access (staff and manager, never a ward office or admin) and bad input. */
import * as ExcelJS from 'exceljs';
import { useTestApp } from '../../helpers/suite';
import { annualPlan, buildAnnual } from '../../../src/features/annual/annual-build';
import { REPORTS } from '../../../src/features';
import { ALL_WARDS } from '../../../src/contracts/report';
import { binary, insertAnnualData } from './annual-data';

const t = useTestApp();
const staff = t.user('staff');
const manager = t.user('manager');
const ward = t.user('ward', { ward: '東区' });
const admin = t.user('admin');

beforeAll(async () => { await insertAnnualData(t.db); });

const annual2023 = () => buildAnnual(t.db, 2023, { now: t.clock.now(), scope: ALL_WARDS, plan: annualPlan(REPORTS, 2023) });

test('xlsx: a contents sheet, then one sheet per table holding that table (names ≤ 31 characters, unique)', async () => {
  const res = await manager.agent.get('/reports/annual.xlsx?fy=2023').buffer(true).parse(binary);
  expect(res.status).toBe(200);
  expect(res.headers['content-disposition']).toContain(encodeURIComponent('年報_令和5年度.xlsx'));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.body as unknown as ArrayBuffer);
  const report = await annual2023();
  const [contents, ...sheets] = wb.worksheets;
  expect(contents.name).toBe('目次');
  expect(contents.getCell('A1').value).toBe('成年後見支援センター 年報 令和5年度（2023年度）');
  expect(sheets).toHaveLength(report.parts.length);
  const names = wb.worksheets.map((s) => s.name);
  expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  sheets.forEach((ws, i) => {
    const table = report.parts[i].table;
    expect(ws.name.length).toBeLessThanOrEqual(31);
    expect(ws.getCell('A1').value).toBe(table.title);
    expect(contents.getCell(5 + i, 2).value).toBe(table.title);
    // the grand total (last row, last column) as a number
    const last = table.rows[table.rows.length - 1];
    const top = table.subtitle ? 4 : 3;
    const r = top + table.headerRows.length + table.rows.length - 1;
    expect(ws.getCell(r, 1).value).toBe(last.label);
    expect(ws.getCell(r, 1 + last.cells.length).value).toBe(last.cells[last.cells.length - 1]);
  });
  const audited = await t.db('audit_log').where({ action: 'report.export', record_id: 'annual:2023:xlsx', actor_id: manager.id });
  expect(audited).toHaveLength(1);
});

test('the page: year picker, download links, the contents linking to each report for that year', async () => {
  const res = await staff.agent.get('/reports/annual?fy=2023');
  expect(res.status).toBe(200);
  expect(res.text).toContain('成年後見支援センター 年報 令和5年度（2023年度）');
  expect(res.text).toContain('href="/reports/annual.pdf?fy=2023"');
  expect(res.text).toContain('href="/reports/annual.xlsx?fy=2023"');
  expect(res.text).toContain('href="/reports/consultations-monthly?fy=2023"');
  expect(res.text).toContain('href="/reports/petitions-yearly?from=2019&amp;to=2023"');
  const listed = [...res.text.matchAll(/<li><a href="\/reports\/([a-z-]+)\?/g)].map((m) => m[1]);
  expect(listed).toEqual(annualPlan(REPORTS, 2023).map((p) => p.def.id));
  // the reports index links to it for those who may open it
  expect((await staff.agent.get('/reports?fy=2023')).text).toContain('href="/reports/annual?fy=2023"');
});

test('a ward office and the administrator are refused, and never offered the link', async () => {
  for (const u of [ward, admin]) {
    for (const url of ['/reports/annual?fy=2023', '/reports/annual.pdf?fy=2023', '/reports/annual.xlsx?fy=2023']) {
      expect([url, (await u.agent.get(url)).status]).toEqual([url, 403]);
    }
  }
  expect((await ward.agent.get('/reports')).text).not.toContain('/reports/annual');
  const denied = await t.db('audit_log').where({ action: 'access.denied', actor_id: ward.id, record_id: 'GET /reports/annual.pdf' });
  expect(denied).toHaveLength(1);
});

test('a bad year: the page with the message, status 400, nothing exported', async () => {
  for (const url of ['/reports/annual?fy=20x3', '/reports/annual.pdf?fy=1999', '/reports/annual.xlsx?fy=%00']) {
    const res = await staff.agent.get(url);
    expect([url, res.status]).toEqual([url, 400]);
    expect(res.text).toContain('年度は2000〜2100年度の範囲で「令和5年度」「R5」「2023」のように指定してください');
  }
  expect(await t.db('audit_log').where('record_id', 'like', 'annual:1999%')).toHaveLength(0);
});
