import { useTestApp } from '../../helpers/suite';
import { openForm, send, submit, tokenOf } from '../../fuzz/browser';
import { FIGURE_MESSAGES } from '../../../src/features/reports/past-figures/past-figures-schema';
import { enterFigures, filedPetition, wardIds } from './figures-data';

const t = useTestApp(); // 2026-11-27 → FY2026
const manager = t.user('manager');
const staff = t.user('staff');
const ward = t.user('ward');
const admin = t.user('admin');

let w: Record<string, number>;
beforeAll(async () => { w = await wardIds(t.db); });

const wardValues = (values: number[]) => Object.fromEntries(['中央区', '東区', '西区', '南区', '北区'].map((name, i) => [`v_ward_${w[name]}`, String(values[i])]));
const stored = async (reportId: string, fy: number) => {
  const set = await t.db('past_figure_sets').where({ report_id: reportId, fiscal_year: fy }).first();
  if (!set) return undefined;
  const values = await t.db('past_figure_values').where({ set_id: set.id }).orderBy('row_key').select('row_key', 'value');
  return { set, values: Object.fromEntries(values.map((v) => [v.row_key, v.value])) };
};

test('a manager enters a year from the form generated from the report\'s rows; the report shows it marked; audited', async () => {
  const page = await manager.agent.get('/figures/petitions-yearly/new');
  expect(page.status).toBe(200);
  for (const name of ['中央区', '東区', '西区', '南区', '北区']) expect(page.text).toContain(`<label for="v_ward_${w[name]}">${name}`);
  const pairs = await openForm(manager.agent, '/figures/petitions-yearly/new', '/figures/petitions-yearly', { fy: '2019', ...wardValues([4, 3, 2, 1, 5]) });
  expect(tokenOf(pairs)).toBeTruthy();
  const res = await send(manager.agent, '/figures/petitions-yearly', pairs);
  expect([res.status, res.headers.location]).toEqual([303, '/figures/petitions-yearly']);
  const s = (await stored('petitions-yearly', 2019))!;
  expect(s.values).toEqual({ [`ward_${w['中央区']}`]: 4, [`ward_${w['東区']}`]: 3, [`ward_${w['西区']}`]: 2, [`ward_${w['南区']}`]: 1, [`ward_${w['北区']}`]: 5 });
  expect([s.set.version, s.set.created_by, s.set.updated_by]).toEqual([1, manager.id, manager.id]);
  expect(await t.db('audit_log').where({ action: 'figures.create', record_type: 'past_figure_set', record_id: String(s.set.id) })).toHaveLength(1);
  const report = await manager.agent.get('/reports/petitions-yearly?from=2019&to=2023');
  expect(report.text).toContain('<th scope="row">計</th>\n      <td class="num"><span class="mark">※</span>15</td>');
  const list = await staff.agent.get('/figures/petitions-yearly');
  expect(list.text).toContain('過年度実績を使用（※）');
});

test('consultations-yearly takes figures too; 実人数 may be left blank', async () => {
  const res = await submit(manager.agent, '/figures/consultations-yearly/new', '/figures/consultations-yearly', { fy: '2022', v_total: '280', v_persons: '' });
  expect(res.status).toBe(303);
  expect((await stored('consultations-yearly', 2022))!.values).toEqual({ total: 280 });
});

test('bad input: 400, the message by the field, nothing stored; a year entered twice is refused', async () => {
  const before = await t.db('past_figure_sets').count({ n: '*' });
  const bad = await submit(manager.agent, '/figures/petitions-yearly/new', '/figures/petitions-yearly', { fy: '2020', ...wardValues([1, -1, 2, 3, 4]), [`v_ward_${w['北区']}`]: '' });
  expect(bad.status).toBe(400);
  expect(bad.text).toContain(FIGURE_MESSAGES.value('東区'));
  expect(bad.text).toContain('北区を入力してください');
  const future = await submit(manager.agent, '/figures/petitions-yearly/new', '/figures/petitions-yearly', { fy: '2027', ...wardValues([1, 1, 1, 1, 1]) });
  expect(future.status).toBe(400);
  expect(future.text).toContain(FIGURE_MESSAGES.fy);
  expect(await t.db('past_figure_sets').count({ n: '*' })).toEqual(before);
  await enterFigures(t.db, 'petitions-yearly', 2018, {});
  const page = await manager.agent.get('/figures/petitions-yearly/new');
  expect(page.text).not.toContain('<option value="2018"');
  const again = await manager.agent.post('/figures/petitions-yearly').type('form')
    .send({ _csrf: /name="_csrf" value="([^"]+)"/.exec(page.text)![1], fy: '2018', ...wardValues([1, 1, 1, 1, 1]) });
  expect(again.status).toBe(400);
  expect(again.text).toContain(FIGURE_MESSAGES.duplicate);
});

test('a year that has records says so on the form and the list', async () => {
  await filedPetition(t.db, '東区', '2017-06-01');
  const page = await manager.agent.get('/figures/petitions-yearly/new');
  expect(page.text).toContain('<option value="2020">令和2年度（2020年度）</option>');
  expect(page.text).toContain('平成29年度（2017年度）　※記録あり（集計表は記録を使います）');
});

test('edit with the version; a stale save gets the conflict page and changes nothing', async () => {
  // 'gone' stands for a row the report no longer shows (a retired ward): an edit keeps its value
  await enterFigures(t.db, 'consultations-yearly', 2021, { total: 100, persons: 80, gone: 7 });
  const stale = await openForm(manager.agent, '/figures/consultations-yearly/2021/edit', '/figures/consultations-yearly/2021', { v_total: '111' });
  const first = await submit(manager.agent, '/figures/consultations-yearly/2021/edit', '/figures/consultations-yearly/2021', { v_total: '150', v_persons: '' });
  expect(first.status).toBe(303);
  const conflict = await send(manager.agent, '/figures/consultations-yearly/2021', stale);
  expect(conflict.status).toBe(409);
  expect(conflict.text).toMatch(/相談件数<\/th><td>111<\/td><td>150<\/td>/);
  const s = (await stored('consultations-yearly', 2021))!;
  expect([s.values, s.set.version]).toEqual([{ gone: 7, total: 150 }, 2]);
  expect(await t.db('audit_log').where({ action: 'figures.update', record_id: String(s.set.id) })).toHaveLength(1);
});

test('staff read the figures but cannot enter them; ward offices and admins see nothing', async () => {
  expect((await staff.agent.get('/figures')).status).toBe(200);
  expect((await staff.agent.get('/figures/petitions-yearly')).text).not.toContain('/figures/petitions-yearly/new');
  expect((await staff.agent.get('/figures/petitions-yearly/new')).status).toBe(403);
  expect((await staff.agent.get('/figures/consultations-yearly/2021/edit')).status).toBe(403);
  const token = /name="_csrf" value="([^"]+)"/.exec((await staff.agent.get('/figures')).text)![1];
  const post = await staff.agent.post('/figures/petitions-yearly').type('form').send({ _csrf: token, fy: '2016', ...wardValues([1, 1, 1, 1, 1]) });
  expect(post.status).toBe(403);
  expect(await stored('petitions-yearly', 2016)).toBeUndefined();
  for (const u of [ward, admin]) {
    expect((await u.agent.get('/figures')).status).toBe(403);
    expect((await u.agent.get('/figures/petitions-yearly')).status).toBe(403);
  }
  expect((await manager.agent.get('/figures/no-such-report')).status).toBe(404);
  expect((await manager.agent.get('/figures/consultations-monthly')).status).toBe(404);
  expect((await manager.agent.get('/figures/petitions-yearly/2001/edit')).status).toBe(404);
  expect((await manager.agent.get('/figures/petitions-yearly/abcd/edit')).status).toBe(404);
});
