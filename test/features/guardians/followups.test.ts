import { openForm, send } from '../../fuzz/browser';
import { Agent } from '../../helpers/agent';
import { useTestApp } from '../../helpers/suite';
import { FOLLOWUP_MESSAGES } from '../../../src/features/guardians/followups/followups-schema';
import { followupAttendancesByYear, periodStockByYear } from '../../../src/features/guardians/training-report';
import { insertGuardian, insertPeriod } from './guardian-factory';

const t = useTestApp();

/** Opens the session form, types `changes`, ticks exactly `attendees`, and sends it. */
async function post(agent: Agent, page: string, action: string, changes: Record<string, string>, attendees: number[] | null = null) {
  const pairs = await openForm(agent, page, action, changes);
  const kept = attendees === null ? pairs : pairs.filter(([k]) => k !== 'attendee_ids');
  return send(agent, action, [...kept, ...(attendees ?? []).map((id): [string, string] => ['attendee_ids', String(id)])]);
}
const staff = t.user('staff');
const manager = t.user('manager');

test('a session with its attendees: stored, listed with its count, audited; the same date and name again is refused', async () => {
  const a = await insertGuardian(t.db, { name: '研修 一子', kana: 'ケンシュウ イチコ' });
  const b = await insertGuardian(t.db, { name: '研修 二郎', kana: 'ケンシュウ ジロウ' });
  await insertGuardian(t.db, { name: '欠席 三子', kana: 'ケッセキ ミツコ' });
  const page = '/guardians/followups/new';
  const res = await post(staff.agent, page, '/guardians/followups', { held_on: 'R6.7.1', title: '事例検討会' }, [a, b]);
  expect(res.status).toBe(303);
  const id = Number(res.headers.location.split('/').pop());
  expect(await t.db('guardian_followup_attendance').where({ session_id: id }).orderBy('guardian_id').pluck('guardian_id')).toEqual([a, b]);
  expect(await t.db('audit_log').where({ action: 'followup.create', record_id: String(id) })).toHaveLength(1);
  const list = await manager.agent.get('/guardians/followups');
  expect(list.text).toMatch(/令和6年7月1日<\/a><\/td><td>事例検討会<\/td><td class="num">2人<\/td>/);
  const again = await post(staff.agent, page, '/guardians/followups', { held_on: '2024-07-01', title: '事例検討会' });
  expect(again.status).toBe(400);
  expect(again.text).toContain(FOLLOWUP_MESSAGES.taken);
  // a manager sees the attendees but no form
  const view = await manager.agent.get(`/guardians/followups/${id}`);
  expect(view.text).toContain('研修 一子');
  expect(view.text).not.toContain(`action="/guardians/followups/${id}"`);
});

test('延べ: one person at two sessions in a year counts twice; the session\'s year is its date\'s fiscal year', async () => {
  const before = await followupAttendancesByYear(t.db, 2022, 2023);
  const p = await insertGuardian(t.db);
  const q = await insertGuardian(t.db);
  for (const [on, title, who] of [['2023-03-31', '年度末', [p]], ['2023-04-01', '年度初め', [p, q]], ['2023-10-01', '秋', [p]]] as const) {
    const res = await post(staff.agent, '/guardians/followups/new', '/guardians/followups', { held_on: on, title }, [...who]);
    expect(res.status).toBe(303);
  }
  const after = await followupAttendancesByYear(t.db, 2022, 2023);
  expect([after.get(2022)! - before.get(2022)!, after.get(2023)! - before.get(2023)!]).toEqual([1, 3]);
  const table = await manager.agent.get('/reports/training-yearly.csv?from=2022&to=2023');
  expect(table.text).toContain(`フォローアップ研修受講者数,${after.get(2022)},${after.get(2023)}`);
});

test('editing a session replaces its attendees; a stale edit gets the conflict page', async () => {
  const a = await insertGuardian(t.db, { name: '編集 一郎', kana: 'ヘンシュウ イチロウ' });
  const created = await post(staff.agent, '/guardians/followups/new', '/guardians/followups', { held_on: '2024-09-01', title: '編集の研修' }, [a]);
  const id = Number(created.headers.location.split('/').pop());
  const edited = await post(staff.agent, `/guardians/followups/${id}`, `/guardians/followups/${id}`, { title: '改めた研修名' }, []);
  expect(edited.status).toBe(303);
  expect(await t.db('guardian_followup_sessions').where({ id }).first()).toMatchObject({ title: '改めた研修名', version: 2 });
  expect(await t.db('guardian_followup_attendance').where({ session_id: id })).toEqual([]);
  const token = (await staff.agent.get(`/guardians/followups/${id}`)).text.match(/name="_csrf" value="([^"]+)"/)![1];
  const stale = await staff.agent.post(`/guardians/followups/${id}`).type('form')
    .send({ held_on: '2024-09-01', title: '古い版', version: '1', _csrf: token });
  expect(stale.status).toBe(409);
  expect(stale.text).toContain('改めた研修名');
  expect((await t.db('guardian_followup_sessions').where({ id }).first()).title).toBe('改めた研修名');
});

test('year-end stocks: withdrawn on 3/31 is not counted at that year end, withdrawn on 4/1 is', async () => {
  const before = await periodStockByYear(t.db, 2040, 2041, 'bank');
  await insertPeriod(t.db, await insertGuardian(t.db), 'bank', '2040-06-01', '2041-03-31');
  await insertPeriod(t.db, await insertGuardian(t.db), 'bank', '2040-06-01', '2041-04-01');
  await insertPeriod(t.db, await insertGuardian(t.db), 'bank', '2041-03-31');
  const after = await periodStockByYear(t.db, 2040, 2041, 'bank');
  expect([after.get(2040)! - before.get(2040)!, after.get(2041)! - before.get(2041)!]).toEqual([2, 1]);
});
