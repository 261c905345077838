import { createTestApp, TestApp } from '../../helpers/app';
import { insertPerson, makeUser } from '../../helpers/factories';
import { Agent, loginAs } from '../../helpers/agent';
import { REPORTS } from '../../../src/features';
import { REPORT_FORMATS } from '../../../src/features/reports/report-export';
import { REPORT_MESSAGES } from '../../../src/features/reports/report-params';
import { can } from '../../../src/policy';
import { insertPetition, loadMasters, PetitionMastersT } from './petition-data';

let t: TestApp;
let m: PetitionMastersT;
let staff: Agent;
let ward: Agent;
let wardUser: { id: number; username: string; ward_id: number | null };
const binary = (res: import('superagent').Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

/** 東区: 2 petitions in FY2019 and 1 in FY2023; 西区: 3 in FY2019; one 東区 petition never filed. */
beforeAll(async () => {
  t = await createTestApp(); // clock: 2026-11-27 → FY2026
  m = await loadMasters(t.db);
  const id = (label: string) => m.wards.find((w) => w.label === label)!.id;
  const person = await insertPerson(t.db, { birth_date: '1940-01-01' });
  for (const filed_on of ['2019-04-01', '2020-03-31', '2023-06-01', null]) await insertPetition(t.db, person, { ward_id: id('東区'), filed_on });
  for (const filed_on of ['2019-05-01', '2019-06-01', '2019-07-01']) await insertPetition(t.db, person, { ward_id: id('西区'), filed_on });
  const s = await makeUser(t.db, { role: 'staff' });
  staff = await loginAs(t.app, s.username);
  wardUser = await makeUser(t.db, { role: 'ward', ward: '東区' });
  ward = await loginAs(t.app, wardUser.username);
});
afterAll(async () => { await t.close(); });

const wardPrincipal = () => ({ id: wardUser.id, role: 'ward' as const, ward_id: wardUser.ward_id });
const forbidden = () => REPORTS.filter((d) => !can(wardPrincipal(), d.access));
const readable = () => REPORTS.filter((d) => can(wardPrincipal(), d.access));
const query = (d: (typeof REPORTS)[number]) => (d.period === 'years' ? 'from=2019&to=2023' : 'fy=2023');
/** Every way to read a report: the page, each download, the print view. */
const urls = (d: (typeof REPORTS)[number]) => [
  `/reports/${d.id}?${query(d)}`, ...REPORT_FORMATS.map((f) => `/reports/${d.id}.${f}?${query(d)}`), `/reports/${d.id}/print?${query(d)}`,
];

test('a ward user may read exactly the petitions reports', () => {
  // every other report (consultations, matching meetings …) is the center's own
  expect(forbidden().map((d) => d.id).sort()).toEqual(REPORTS.filter((d) => !d.id.startsWith('petitions-')).map((d) => d.id).sort());
  expect(forbidden().map((d) => d.id)).toEqual(expect.arrayContaining(['consultations-monthly', 'meetings-monthly', 'meetings-recommendations', 'subsidies-yearly']));
  expect(readable().map((d) => d.id)).toEqual(['petitions-yearly', 'petitions-by-type', 'petitions-by-basis']);
});

test('every other report (consultations, subsidies, meetings), in every format, answers a ward user 403, audited as access.denied, nothing exported', async () => {
  expect(forbidden().length).toBeGreaterThan(0);
  for (const d of forbidden()) {
    for (const url of urls(d)) {
      const before = await t.db('audit_log').where({ action: 'access.denied', actor_id: wardUser.id }).count({ n: '*' });
      expect([url, (await ward.get(url)).status]).toEqual([url, 403]);
      const after = await t.db('audit_log').where({ action: 'access.denied', actor_id: wardUser.id }).count({ n: '*' });
      expect([url, Number(after[0].n)]).toEqual([url, Number(before[0].n) + 1]);
    }
  }
  const denied = await t.db('audit_log').where({ action: 'access.denied', actor_id: wardUser.id }).distinct('record_id').pluck('record_id');
  expect(denied.sort()).toEqual(['GET /reports/:file', 'GET /reports/:id/print']);
  expect(await t.db('audit_log').where({ action: 'report.export', actor_id: wardUser.id })).toHaveLength(0);
});

test('the index lists only the reports the user may read, with links for the picked year', async () => {
  const res = await ward.get('/reports?fy=2023');
  expect(res.status).toBe(200);
  for (const d of readable()) expect(res.text).toContain(`href="/reports/${d.id}?from=2019&amp;to=2023"`);
  for (const d of forbidden()) expect(res.text).not.toContain(`/reports/${d.id}`);
  const all = await staff.get('/reports?fy=2023');
  for (const d of REPORTS) expect(all.text).toContain(`/reports/${d.id}?`);
});

test('every format of every petitions report answers a ward user 200 with their ward only', async () => {
  for (const d of readable()) for (const url of urls(d)) expect([url, (await ward.get(url)).status]).toEqual([url, 200]);
  const page = await ward.get('/reports/petitions-yearly?from=2019&to=2023');
  expect(page.text).toContain('<th scope="row">東区</th>');
  for (const other of ['中央区', '西区', '南区', '北区']) expect(page.text).not.toContain(`<th scope="row">${other}</th>`);
  const csv = await ward.get('/reports/petitions-yearly.csv?from=2019&to=2023').buffer(true).parse(binary);
  expect((csv.body as Buffer).toString('utf8').split('\r\n')).toEqual([
    '\uFEFF区,令和元年度,令和2年度,令和3年度,令和4年度,令和5年度', '東区,2,0,0,0,1', '計,2,0,0,0,1', '',
  ]);
  const types = await ward.get('/reports/petitions-by-type.csv?from=2019&to=2019').buffer(true).parse(binary);
  expect((types.body as Buffer).toString('utf8')).toContain('計,2\r\n');
});

test('staff see every ward; the export is audited with the span; the file is named by it', async () => {
  const res = await staff.get('/reports/petitions-yearly.csv?from=2019&to=2023').buffer(true).parse(binary);
  expect(res.status).toBe(200);
  expect((res.body as Buffer).toString('utf8').split('\r\n').slice(1, 7)).toEqual([
    '中央区,0,0,0,0,0', '東区,2,0,0,0,1', '西区,3,0,0,0,0', '南区,0,0,0,0,0', '北区,0,0,0,0,0', '計,5,0,0,0,1',
  ]);
  expect(res.headers['content-disposition']).toContain(encodeURIComponent('市長申立て件数_区別_令和元年度〜令和5年度.csv'));
  const rows = await t.db('audit_log').where({ action: 'report.export', record_type: 'report', record_id: 'petitions-yearly:2019-2023:csv' });
  expect(rows.map((r) => r.actor_id)).toContain((await t.db('users').where({ role: 'staff' }).first('id')).id);
});

test('the page carries the span into its links and pickers; a bad span is a 400 with a Japanese message', async () => {
  const res = await staff.get('/reports/petitions-by-basis?from=2019&to=2023');
  expect(res.status).toBe(200);
  expect(res.text).toContain('href="/reports/petitions-by-basis.xlsx?from=2019&amp;to=2023"');
  expect(res.text).toContain('令和元年度〜令和5年度 市長申立て件数（根拠法別）');
  expect(res.text).toMatch(/<select id="from" name="from"[^>]*>[\s\S]*<option value="2019" selected>/);
  const bad = await staff.get('/reports/petitions-yearly.csv?from=2024&to=2023');
  expect(bad.status).toBe(400);
  expect(bad.text).toContain(REPORT_MESSAGES.order);
  expect(bad.text).toContain('aria-invalid="true"');
});

test('a manager reads them too; an admin gets 403', async () => {
  const mgr = await loginAs(t.app, (await makeUser(t.db, { role: 'manager' })).username);
  expect((await mgr.get('/reports/petitions-by-type.pdf?from=2019&to=2023')).status).toBe(200);
  const admin = await loginAs(t.app, (await makeUser(t.db, { role: 'admin' })).username);
  expect((await admin.get('/reports/petitions-yearly?from=2019&to=2023')).status).toBe(403);
});
