import { useTestApp } from '../../helpers/suite';
import { drawnValues, seriesValues } from '../../lib/chart/chart-data';
import { shownNumber, shownRows } from '../../lib/chart/html-table';
import { insertPetition } from '../petitions/petition-factory';
import { DASHBOARD_MEASURES } from '../../../src/features';
import { insertPerson, wardId } from '../../helpers/factories';

const t = useTestApp(); // 2026-11-27 (Tokyo) → FY2026
const manager = t.user('manager');
const staff = t.user('staff');

/** Days around every edge of the four periods, plus a deterministic scatter. */
const EDGES = ['2025-03-31', '2025-04-01', '2025-10-31', '2025-11-01', '2025-11-27', '2025-11-28', '2026-03-31', '2026-04-01',
  '2026-10-31', '2026-11-01', '2026-11-27', '2026-11-28'];
function scatter(seed: number, n: number): string[] {
  let x = seed;
  return Array.from({ length: n }, () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    const day = new Date(Date.UTC(2025, 2, 1) + (x % 640) * 86400000);
    return day.toISOString().slice(0, 10);
  });
}
const consultationDays = [...EDGES, ...EDGES.slice(3, 6), ...scatter(7, 300)];
const deletedDays = ['2026-11-02', '2025-11-03', '2026-05-05'];
const filedDays = [...EDGES.filter((_, i) => i % 2 === 0), ...scatter(11, 40)];

const between = (days: string[], from: string, to: string) => days.filter((d) => d >= from && d <= to).length;

beforeAll(async () => {
  const cat = await t.db('consultation_categories').whereNull('parent_id').orderBy('sort_order').first('id');
  await t.db('consultations').insert(consultationDays.map((d) => ({ consulted_on: d, category_id: cat.id })));
  await t.db('consultations').insert(deletedDays.map((d) => ({ consulted_on: d, category_id: cat.id, deleted_at: new Date(), deleted_reason: '重複' })));
  const east = await wardId(t.db, '東区');
  const person = await insertPerson(t.db, { name: '集計 太郎', name_kana: 'シュウケイ タロウ', ward_id: east });
  for (const d of filedDays) await insertPetition(t.db, { person_id: person, ward: '西区', filed_on: d });
  const stalled = await insertPerson(t.db, { name: '停滞 花子', name_kana: 'テイタイ ハナコ', ward_id: east });
  await insertPetition(t.db, { person_id: stalled, ward: '東区', stages: [{ stage: 1, on: '2026-09-01' }] });
  const moving = await insertPerson(t.db, { name: '進行 次郎', name_kana: 'シンコウ ジロウ', ward_id: east });
  await insertPetition(t.db, { person_id: moving, ward: '東区', intake: '2026-11-20', stages: [{ stage: 1, on: '2026-11-25' }] });
});

test('the manager\'s home: every number equals an independent count of the records', async () => {
  const res = await manager.agent.get('/');
  expect(res.status).toBe(200);
  const rows = shownRows(res.text, 'dashboard');
  expect(rows.map((r) => r.label)).toEqual(DASHBOARD_MEASURES.map((m) => `${m.label}（${m.unit}）`));
  const expectRow = (days: string[]) => {
    const m = [between(days, '2026-11-01', '2026-11-27'), between(days, '2025-11-01', '2025-11-27')];
    const y = [between(days, '2026-04-01', '2026-11-27'), between(days, '2025-04-01', '2025-11-27')];
    return [m[0], m[1], m[0] - m[1], y[0], y[1], y[0] - y[1]];
  };
  const consultations = expectRow(consultationDays);
  expect(consultations[0]).toBeGreaterThan(0);
  expect(rows[0].cells.map(shownNumber)).toEqual(consultations);
  expect(rows[1].cells.map(shownNumber)).toEqual(expectRow(filedDays));
});

test('each chart draws the numbers of its row in the table', async () => {
  const res = await manager.agent.get('/');
  const rows = shownRows(res.text, 'dashboard');
  DASHBOARD_MEASURES.forEach((m, i) => {
    const drawn = drawnValues(res.text, `chart-dashboard-${m.key.replace(/_/g, '-')}`);
    const [month, lastMonth, , fy, lastFy] = rows[i].cells.map(shownNumber);
    expect([m.key, seriesValues(drawn, 'current', 2), seriesValues(drawn, 'previous', 2)]).toEqual([m.key, [month, fy], [lastMonth, lastFy]]);
  });
});

test('stalled petitions are listed (the list is audited), and the indicators and the menu are there', async () => {
  const res = await manager.agent.get('/');
  expect(res.text).toContain('停滞している市長申立て（1件）');
  expect(res.text).toContain('停滞 花子');
  expect(res.text).not.toContain('進行 次郎');
  expect(res.text).toContain('指標1 成年後見制度利用者数');
  expect(res.text).toContain('href="/reports"');
  expect(res.text).toContain('href="/figures"');
  expect(await t.db('audit_log').where({ action: 'petition.list', actor_id: manager.id })).not.toHaveLength(0);
});

test('staff keep the plain menu home', async () => {
  const res = await staff.agent.get('/');
  expect(res.status).toBe(200);
  expect(res.text).not.toContain('id="table-dashboard"');
  expect(res.text).toContain('href="/indicators"');
});
