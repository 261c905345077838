import { createTestApp, TestApp } from '../../helpers/app';
import { makeUser } from '../../helpers/factories';
import { Agent, loginAs } from '../../helpers/agent';
import { REPORTS } from '../../../src/features';
import { REPORT_MESSAGES } from '../../../src/features/reports/report-params';
import { insertKnownConsultations } from './known-data';

let t: TestApp;
let staff: Agent;
beforeAll(async () => {
  t = await createTestApp(); // clock: 2026-11-27 → FY2026
  await insertKnownConsultations(t.db);
  const u = await makeUser(t.db, { role: 'staff' });
  staff = await loginAs(t.app, u.username);
});
afterAll(async () => { await t.close(); });

const auditRows = (recordId: string) => t.db('audit_log').where({ action: 'report.export', record_type: 'report', record_id: recordId });

describe('index', () => {
  test('lists every report with the current fiscal year, and switches year', async () => {
    const res = await staff.get('/reports');
    expect(res.status).toBe(200);
    for (const r of REPORTS.filter((d) => d.period === 'fy')) expect(res.text).toContain(`href="/reports/${r.id}?fy=2026"`);
    for (const r of REPORTS.filter((d) => d.period === 'years')) expect(res.text).toContain(`href="/reports/${r.id}?from=2022&amp;to=2026"`);
    expect(res.text).toContain('令和8年度（2026年度）');
    const y = await staff.get('/reports?fy=2023');
    expect(y.text).toContain('href="/reports/consultations-monthly?fy=2023"');
    expect((await staff.get('/')).text).toContain('href="/reports"');
  });

  test('a bad fiscal year is a 400 with a Japanese message', async () => {
    const res = await staff.get('/reports?fy=20xx');
    expect(res.status).toBe(400);
    expect(res.text).toContain(REPORT_MESSAGES.fy);
  });
});

describe('HTML', () => {
  test('shows the table with zeros and links to the three downloads and to print', async () => {
    const res = await staff.get('/reports/consultations-monthly?fy=2023');
    expect(res.status).toBe(200);
    expect(res.text).toContain('令和5年度 成年後見制度に関する相談件数');
    expect(res.text).toContain('<th scope="row">4月</th>');
    expect(res.text).toContain('<td class="num">0</td>');
    expect(res.text).toContain('colspan="2">後見人支援</th>');
    for (const ext of ['csv', 'xlsx', 'pdf']) expect(res.text).toContain(`href="/reports/consultations-monthly.${ext}?fy=2023"`);
    expect(res.text).toContain('href="/reports/consultations-monthly/print?fy=2023"');
    // Viewing is not an export: nothing audited.
    expect(await auditRows('consultations-monthly:2023:html')).toHaveLength(0);
  });

  test('filters are named in the subtitle and carried into the download links', async () => {
    const east = await t.db('wards').where({ name: '東区' }).first('id');
    const res = await staff.get(`/reports/consultations-monthly?fy=2023&ward=${east.id}`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('絞り込み：区＝東区');
    expect(res.text).toContain(`href="/reports/consultations-monthly.csv?fy=2023&amp;ward=${east.id}"`);
  });

  test.each([
    ['/reports/consultations-monthly?fy=1999', REPORT_MESSAGES.fy],
    ['/reports/consultations-by-ward.csv?fy=abc', REPORT_MESSAGES.fy],
    ['/reports/consultations-monthly.pdf?fy=2023&ward=999999', '指定された区が見つかりません'],
    ['/reports/consultations-monthly?fy=2023&method=x', '相談方法の指定が正しくありません'],
  ])('%s → 400 with a Japanese message, nothing exported', async (url, message) => {
    const before = await t.db('audit_log').where({ action: 'report.export' }).count({ n: '*' });
    const res = await staff.get(url);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toContain(message);
    expect(res.text).toContain('aria-invalid="true"');
    expect(await t.db('audit_log').where({ action: 'report.export' }).count({ n: '*' })).toEqual(before);
  });

  test.each(['/reports/no-such-report', '/reports/no-such-report.csv', '/reports/consultations-monthly.txt', '/reports/consultations-monthly.csv.exe', '/reports/nope/print'])(
    '%s → 404', async (url) => {
      expect((await staff.get(url)).status).toBe(404);
    },
  );
});

describe('access', () => {
  test('a manager may read and export', async () => {
    const m = await makeUser(t.db, { role: 'manager' });
    const agent = await loginAs(t.app, m.username);
    expect((await agent.get('/reports')).status).toBe(200);
    expect((await agent.get('/reports/consultations-by-condition.csv?fy=2024')).status).toBe(200);
  });

  test('an admin user gets 403 everywhere, and nothing is exported', async () => {
    const u = await makeUser(t.db, { role: 'admin' });
    const agent = await loginAs(t.app, u.username);
    for (const url of ['/reports', '/reports/consultations-monthly?fy=2023', '/reports/consultations-monthly.csv?fy=2023', '/reports/consultations-monthly/print?fy=2023']) {
      expect([url, (await agent.get(url)).status]).toEqual([url, 403]);
    }
    expect(await t.db('audit_log').where({ action: 'report.export', actor_id: u.id })).toHaveLength(0);
    expect((await agent.get('/')).text).not.toContain('href="/reports"');
  });

  test('a ward user gets 403 on the consultations reports (the petitions reports are theirs: test/features/petitions-outputs)', async () => {
    const u = await makeUser(t.db, { role: 'ward' });
    const agent = await loginAs(t.app, u.username);
    for (const url of ['/reports/consultations-monthly?fy=2023', '/reports/consultations-monthly.csv?fy=2023', '/reports/consultations-monthly/print?fy=2023']) {
      expect([url, (await agent.get(url)).status]).toEqual([url, 403]);
    }
    const index = await agent.get('/reports');
    expect(index.status).toBe(200);
    expect(index.text).not.toContain('consultations-monthly');
    expect(await t.db('audit_log').where({ action: 'report.export', actor_id: u.id })).toHaveLength(0);
  });
});
