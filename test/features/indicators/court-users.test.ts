import { useTestApp } from '../../helpers/suite';
import { openForm, send, submit } from '../../fuzz/browser';
import { COURT_MESSAGES } from '../../../src/features/indicators/court-users-schema';
import { insertCourtYear, typeIds } from './helpers';

const t = useTestApp(); // 2026-11-27
const staff = t.user('staff');
const manager = t.user('manager');
const ward = t.user('ward');

const fields = async () => {
  const ids = await typeIds(t.db);
  return (c: Record<string, string>) => Object.fromEntries(Object.entries(c).map(([label, v]) => [`type_${ids[label]}`, v]));
};
const countsOf = async (year: number) => {
  const rows: { label: string; count: number }[] = await t.db('court_user_counts as c').join('court_user_years as y', 'y.id', 'c.year_id')
    .join('code_entries as e', 'e.id', 'c.type_id').where('y.year', year).select('e.label', 'c.count');
  return Object.fromEntries(rows.map((r) => [r.label, r.count]));
};

test('staff enter a year by 類型; the total is indicator 1 and the entry is audited', async () => {
  const f = await fields();
  const res = await submit(staff.agent, '/indicators/court-users/new', '/indicators/court-users',
    { year: '2024', ...f({ 後見: '1,200', 保佐: '２５０', 補助: '100', 任意後見: '20' }) });
  expect(res.status).toBe(303);
  expect(await countsOf(2024)).toEqual({ 後見: 1200, 保佐: 250, 補助: 100, 任意後見: 20 });
  const row = await t.db('court_user_years').where({ year: 2024 }).first();
  expect([row.version, row.created_by, row.updated_by]).toEqual([1, staff.id, staff.id]);
  expect(await t.db('audit_log').where({ action: 'indicator.create', record_type: 'court_user_year', record_id: String(row.id) })).toHaveLength(1);
  const page = await staff.agent.get('/indicators');
  expect(page.text).toContain('<td class="num total">1,570</td>');
});

test('bad input is a 400 with the message by the field, and nothing is stored', async () => {
  const f = await fields();
  const before = await t.db('court_user_years').count({ n: '*' });
  const res = await submit(staff.agent, '/indicators/court-users/new', '/indicators/court-users',
    { year: '2099', ...f({ 後見: '-1', 保佐: 'たくさん', 補助: '', 任意後見: '0' }) });
  expect(res.status).toBe(400);
  expect(res.text).toContain(COURT_MESSAGES.year(2026));
  expect(res.text).toContain(COURT_MESSAGES.count('後見'));
  expect(res.text).toContain(COURT_MESSAGES.count('保佐'));
  expect(res.text).toContain('補助の人数を入力してください');
  expect(res.text).toContain('aria-invalid="true"');
  expect(await t.db('court_user_years').count({ n: '*' })).toEqual(before);
});

test('a year entered twice is refused next to the year', async () => {
  await insertCourtYear(t.db, 2021, { 後見: 1 });
  const f = await fields();
  const res = await submit(staff.agent, '/indicators/court-users/new', '/indicators/court-users',
    { year: '2021', ...f({ 後見: '1', 保佐: '1', 補助: '1', 任意後見: '1' }) });
  expect(res.status).toBe(400);
  expect(res.text).toContain(COURT_MESSAGES.duplicate(2021));
  expect(await countsOf(2021)).toEqual({ 後見: 1 });
});

test('edit with the version; a stale save gets the conflict page showing both', async () => {
  const id = await insertCourtYear(t.db, 2022, { 後見: 1100, 保佐: 200, 補助: 90, 任意後見: 10 });
  const f = await fields();
  const stale = await openForm(staff.agent, `/indicators/court-users/${id}/edit`, `/indicators/court-users/${id}`, f({ 後見: '1111' }));
  const first = await submit(staff.agent, `/indicators/court-users/${id}/edit`, `/indicators/court-users/${id}`, f({ 後見: '1150' }));
  expect(first.status).toBe(303);
  const conflict = await send(staff.agent, `/indicators/court-users/${id}`, stale);
  expect(conflict.status).toBe(409);
  expect(conflict.text).toContain('他の人が先に更新しました');
  expect(conflict.text).toMatch(/後見<\/th><td>1111<\/td><td>1150<\/td>/);
  expect(await countsOf(2022)).toEqual({ 後見: 1150, 保佐: 200, 補助: 90, 任意後見: 10 });
  expect((await t.db('court_user_years').where({ id }).first()).version).toBe(2);
  expect(await t.db('audit_log').where({ action: 'indicator.update', record_id: String(id) })).toHaveLength(1);
});

test('managers read the indicators but do not enter counts; ward offices see neither', async () => {
  expect((await manager.agent.get('/indicators')).status).toBe(200);
  expect((await manager.agent.get('/indicators')).text).not.toContain('/indicators/court-users/new');
  expect((await manager.agent.get('/indicators/court-users/new')).status).toBe(403);
  expect((await ward.agent.get('/indicators')).status).toBe(403);
  expect((await staff.agent.get('/indicators/court-users/999999/edit')).status).toBe(404);
});
