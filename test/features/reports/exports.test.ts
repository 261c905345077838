import * as ExcelJS from 'exceljs';
import { createTestApp, TestApp } from '../../helpers/app';
import { makeUser } from '../../helpers/factories';
import { Agent, loginAs } from '../../helpers/agent';
import { pdfPages } from '../../lib/table/fixtures';
import { insertKnownConsultations, KNOWN_BY_WARD_CSV_2023, KNOWN_MONTHLY_CSV_2023 } from './known-data';

let t: TestApp;
let staff: Agent;
let staffId: number;
beforeAll(async () => {
  t = await createTestApp(); // clock: 2026-11-27 → FY2026
  await insertKnownConsultations(t.db);
  const u = await makeUser(t.db, { role: 'staff' });
  staffId = u.id;
  staff = await loginAs(t.app, u.username);
});
afterAll(async () => { await t.close(); });

const binary = (res: import('superagent').Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};
const auditRows = (recordId: string) => t.db('audit_log').where({ action: 'report.export', record_type: 'report', record_id: recordId });

describe('exports', () => {
  test('CSV: UTF-8 with BOM, exact layout, Japanese file name, audited', async () => {
    const res = await staff.get('/reports/consultations-monthly.csv?fy=2023').buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('相談件数_月別_令和5年度.csv')}`);
    expect(res.headers['cache-control']).toBe('no-store');
    expect((res.body as Buffer).equals(Buffer.from(KNOWN_MONTHLY_CSV_2023, 'utf8'))).toBe(true);
    const rows = await auditRows('consultations-monthly:2023:csv');
    expect(rows).toHaveLength(1);
    expect(rows[0].actor_id).toBe(staffId);
  });

  test('CSV of a breakdown: the first header cell is the dimension', async () => {
    const res = await staff.get('/reports/consultations-by-ward.csv?fy=2023').buffer(true).parse(binary);
    expect((res.body as Buffer).toString('utf8')).toBe(KNOWN_BY_WARD_CSV_2023);
    expect(await auditRows('consultations-by-ward:2023:csv')).toHaveLength(1);
  });

  test('xlsx: re-read, the counts are numbers', async () => {
    const res = await staff.get('/reports/consultations-monthly.xlsx?fy=2023').buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('相談件数_月別_令和5年度.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getCell('A1').value).toBe('令和5年度 成年後見制度に関する相談件数');
    expect(ws.getCell('A6').value).toBe('4月');
    expect(ws.getCell('B6').value).toBe(2);
    expect(ws.getCell('C6').value).toBe(0);
    expect(ws.getCell('A18').value).toBe('計');
    expect(ws.getCell('O18').value).toBe(5);
    for (const ref of ['B6', 'C6', 'O18']) expect(typeof ws.getCell(ref).value).toBe('number');
    expect(await auditRows('consultations-monthly:2023:xlsx')).toHaveLength(1);
  });

  test('PDF: the text holds the title, the 計 row and the grand total', async () => {
    const res = await staff.get('/reports/consultations-monthly.pdf?fy=2023').buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const [page] = pdfPages(res.body as Buffer);
    expect(page).toContain('令和5年度 成年後見制度に関する相談件数');
    expect(page).toMatch(/計\s+2\s+0\s+0\s+0\s+1\s+1(\s+0){6}\s+1\s+5/);
    expect(await auditRows('consultations-monthly:2023:pdf')).toHaveLength(1);
  });

  test('print view: the table without the page chrome, audited', async () => {
    const res = await staff.get('/reports/consultations-by-ward/print?fy=2023');
    expect(res.status).toBe(200);
    expect(res.text).toContain('令和5年度 成年後見制度に関する相談件数（区別）');
    expect(res.text).toContain('<th scope="row">未設定</th>');
    expect(await auditRows('consultations-by-ward:2023:print')).toHaveLength(1);
  });

  test('a filtered export names its filter ids in the audit row', async () => {
    const east = await t.db('wards').where({ name: '東区' }).first('id');
    const res = await staff.get(`/reports/consultations-monthly.csv?fy=2023&ward=${east.id}`).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(await auditRows(`consultations-monthly:2023:csv:ward=${east.id}`)).toHaveLength(1);
  });
});

