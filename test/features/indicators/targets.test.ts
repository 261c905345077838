import { useTestApp } from '../../helpers/suite';
import { openForm, send, submit } from '../../fuzz/browser';
import { TARGET_MESSAGES } from '../../../src/features/indicators/targets-schema';
import { shownRows } from '../../lib/chart/html-table';

const t = useTestApp();
const admin = t.user('admin');
const staff = t.user('staff');

const row = (indicator: string) => t.db('indicator_targets').where({ indicator }).first();

test('seeded as the plan says: 1,544 (2023) → 1,844 (2031); 5 (FY2023) → 20 (FY2031)', async () => {
  expect(await row('court_users')).toMatchObject({ baseline_year: 2023, baseline_value: 1544, target_year: 2031, target_value: 1844 });
  expect(await row('citizen_guardian_cases')).toMatchObject({ baseline_year: 2023, baseline_value: 5, target_year: 2031, target_value: 20 });
  const page = await admin.agent.get('/admin/masters/indicator-targets');
  expect(page.status).toBe(200);
  expect((await admin.agent.get('/admin/masters')).text).toContain('href="/admin/masters/indicator-targets"');
});

test('an admin edits a target; the path on the indicators page follows; audited', async () => {
  const { id } = await row('citizen_guardian_cases');
  const res = await submit(admin.agent, `/admin/masters/indicator-targets/${id}/edit`, `/admin/masters/indicator-targets/${id}`,
    { baseline_year: '2023', baseline_value: '5', target_year: '2028', target_value: '３０' });
  expect(res.status).toBe(303);
  expect(await row('citizen_guardian_cases')).toMatchObject({ target_year: 2028, target_value: 30, version: 2, updated_by: admin.id });
  expect(await t.db('audit_log').where({ action: 'master.update', record_type: 'indicator_targets', record_id: String(id) })).toHaveLength(1);
  const rows = shownRows((await staff.agent.get('/indicators')).text, 'indicators');
  // (30 − 5) / 5 years = 5 a year: FY2026 → 20
  expect(rows.find((r) => r.label.startsWith('2026年'))!.cells[4]).toBe('20');
  expect(rows.find((r) => r.label.startsWith('2028年'))!.cells.slice(4)).toEqual(['30', '30']);
  expect(rows.find((r) => r.label.startsWith('2029年'))!.cells[4]).toBe('');
});

test('a target year not after the baseline, or a bad number, is a 400 by the field; nothing changes', async () => {
  const before = await row('court_users');
  const res = await submit(admin.agent, `/admin/masters/indicator-targets/${before.id}/edit`, `/admin/masters/indicator-targets/${before.id}`,
    { baseline_year: '2023', target_year: '2023' });
  expect(res.status).toBe(400);
  expect(res.text).toContain(TARGET_MESSAGES.order);
  const bad = await submit(admin.agent, `/admin/masters/indicator-targets/${before.id}/edit`, `/admin/masters/indicator-targets/${before.id}`, { target_value: '多い' });
  expect(bad.status).toBe(400);
  expect(bad.text).toContain(TARGET_MESSAGES.target_value);
  expect(await row('court_users')).toEqual(before);
});

test('a stale save gets the conflict page', async () => {
  const { id } = await row('court_users');
  const stale = await openForm(admin.agent, `/admin/masters/indicator-targets/${id}/edit`, `/admin/masters/indicator-targets/${id}`, { target_value: '1900' });
  expect((await submit(admin.agent, `/admin/masters/indicator-targets/${id}/edit`, `/admin/masters/indicator-targets/${id}`, { target_value: '2000' })).status).toBe(303);
  const conflict = await send(admin.agent, `/admin/masters/indicator-targets/${id}`, stale);
  expect(conflict.status).toBe(409);
  expect(conflict.text).toMatch(/目標値<\/th><td>1900<\/td><td>2000<\/td>/);
  expect((await row('court_users')).target_value).toBe(2000);
});

test('only admins: staff are refused', async () => {
  expect((await staff.agent.get('/admin/masters/indicator-targets')).status).toBe(403);
  expect((await admin.agent.get('/admin/masters/indicator-targets/999999/edit')).status).toBe(404);
});
