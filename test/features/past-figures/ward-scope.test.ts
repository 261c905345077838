/**
 * Issue 13 S5: a ward user's tables count their ward only, so past-year figures entered for the
 * whole city (by 類型, by 根拠法) must never appear in them; those years show 記録なし. A figure
 * entered for the ward itself (the ward row of petitions-yearly) is theirs and stays.
 */
import { useTestApp } from '../../helpers/suite';
import { REPORTS } from '../../../src/features';
import { can } from '../../../src/policy';
import { enterFigures, filedPetition, wardIds } from './figures-data';

const t = useTestApp(); // 2026-11-27 → FY2026
const east = t.user('ward', { ward: '東区' });
const staff = t.user('staff');

let w: Record<string, number>;
/** Every figure entered, by report and row key: all distinct, all above any record count here. */
const entered = new Map<string, Map<string, number>>();
let next = 7001;
const NO_RECORD = '記録なし';

/** FY2019 and FY2020 have figures and no records; FY2021 has one 東区 and one 西区 petition. */
beforeAll(async () => {
  w = await wardIds(t.db);
  for (const def of REPORTS.filter((d) => d.pastFigures)) {
    const rows = await def.pastFigures!.rows(t.db);
    const values = new Map(rows.map((r) => [r.key, next++]));
    entered.set(def.id, values);
    for (const fy of [2019, 2020]) await enterFigures(t.db, def.id, fy, Object.fromEntries(values));
  }
  await filedPetition(t.db, '東区', '2021-06-01');
  await filedPetition(t.db, '西区', '2021-07-01');
});

const wardReports = () => REPORTS.filter((d) => d.pastFigures && can({ id: 0, role: 'ward', ward_id: 1 }, d.access));
/** The figure a 東区 user may see: their own ward's row of the by-ward table, nothing else. */
const ownFigure = () => entered.get('petitions-yearly')!.get(`ward_${w['東区']}`)!;
const csvRows = (text: string) => text.replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(','));

test('the ward-readable reports with past figures are the three petitions tables', () => {
  expect(wardReports().map((d) => d.id)).toEqual(['petitions-yearly', 'petitions-by-type', 'petitions-by-basis']);
});

test.each(['petitions-by-type', 'petitions-by-basis'])('%s: a ward user sees 記録なし for the city-wide figures, never the figures', async (id) => {
  const res = await east.agent.get(`/reports/${id}.csv?from=2019&to=2022`);
  expect(res.status).toBe(200);
  const [header, ...body] = csvRows(res.text);
  expect(header).toEqual([expect.any(String), '令和元年度', '令和2年度', '令和3年度', '令和4年度']);
  for (const row of body) expect(row.slice(1, 3)).toEqual([NO_RECORD, NO_RECORD]);
  expect(body.at(-1)).toEqual(['計', NO_RECORD, NO_RECORD, '1', '0']);

  const page = await east.agent.get(`/reports/${id}?from=2019&to=2022`);
  expect(page.text).toContain('対象：東区のみ');
  expect(page.text).not.toContain('<span class="mark">※</span>');
  for (const v of entered.get(id)!.values()) expect(page.text).not.toContain(v.toLocaleString('ja-JP'));
  expect(page.text).toContain(`<td class="text">${NO_RECORD}</td>`);
});

test('every format a ward user can take carries no figure but their own ward\'s', async () => {
  const foreign = [...entered.values()].flatMap((m) => [...m.values()]).filter((v) => v !== ownFigure());
  for (const def of wardReports()) {
    for (const url of [`/reports/${def.id}?from=2019&to=2022`, `/reports/${def.id}.csv?from=2019&to=2022`, `/reports/${def.id}/print?from=2019&to=2022`]) {
      const res = await east.agent.get(url);
      expect([url, res.status]).toEqual([url, 200]);
      const cells = url.includes('.csv') ? csvRows(res.text).flat() : [...res.text.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => m[1]);
      const numbers = new Set(cells.map((c) => Number(c.replace(/<[^>]+>|※|,/g, ''))));
      expect([url, foreign.filter((v) => numbers.has(v))]).toEqual([url, []]);
    }
  }
});

test('petitions-yearly: the ward user keeps their own ward\'s figure (marked), the center sees every figure', async () => {
  const mine = csvRows((await east.agent.get('/reports/petitions-yearly.csv?from=2019&to=2021')).text);
  expect(mine).toEqual([
    ['区', '令和元年度（過年度実績）', '令和2年度（過年度実績）', '令和3年度'],
    ['東区', String(ownFigure()), String(ownFigure()), '1'],
    ['計', String(ownFigure()), String(ownFigure()), '1'],
  ]);
  const center = csvRows((await staff.agent.get('/reports/petitions-by-type.csv?from=2019&to=2021')).text);
  const typeFigures = [...entered.get('petitions-by-type')!.values()];
  expect(center.at(-1)).toEqual(['計', String(typeFigures.reduce((a, b) => a + b, 0)), String(typeFigures.reduce((a, b) => a + b, 0)), '2']);
});
