import { useTestApp } from '../../helpers/suite';
import { csrfFrom } from '../../helpers/agent';
import { SUBSIDY_MESSAGES as M } from '../../../src/features/subsidies/subsidies-form';
import { insertSubsidy, subsidyPerson } from './subsidy-factory';

const t = useTestApp(); // 2026-11-27
const staff = t.user('staff');
const manager = t.user('manager');
const ward = t.user('ward', { ward: '東区' });

const row = (id: number) => t.db('subsidies').where({ id }).first();
const audits = (action: string, id: number) => t.db('audit_log').where({ action, record_type: 'subsidy', record_id: String(id) });

async function step(agent: typeof staff.agent, id: number, path: string, body: Record<string, string>) {
  const token = csrfFrom((await agent.get(`/subsidies/${id}`)).text);
  return agent.post(`/subsidies/${id}/${path}`).type('form').send({ ...body, _csrf: token });
}

test('受付 → 審査 (staff) → 承認 (manager) → 支払 (staff), each audited, the version moving on', async () => {
  const id = await insertSubsidy(t.db, { person_id: await subsidyPerson(t.db) });
  expect((await step(staff.agent, id, 'review', { version: '1' })).status).toBe(303);
  expect(await row(id)).toMatchObject({ status: '審査', version: 2, updated_by: staff.id });
  const page = await manager.agent.get(`/subsidies/${id}`);
  expect(page.text).toContain('action="/subsidies/' + id + '/decision"');
  expect(page.text).not.toContain(`href="/subsidies/${id}/edit"`);
  expect((await staff.agent.get(`/subsidies/${id}`)).text).toContain(`href="/subsidies/${id}/edit"`);
  const decided = await step(manager.agent, id, 'decision', { version: '2', decision: '承認', decided_on: 'R8.11.20', decision_number: '熊健福第88号' });
  expect(decided.status).toBe(303);
  expect(await row(id)).toMatchObject({ status: '決定', decision: '承認', decided_on: '2026-11-20', decision_number: '熊健福第88号', version: 3, updated_by: manager.id });
  const paid = await step(staff.agent, id, 'payment', { version: '3', paid_on: '2026-11-25', payee: '後見 一郎' });
  expect(paid.status).toBe(303);
  expect(await row(id)).toMatchObject({ status: '支払', paid_on: '2026-11-25', payee: '後見 一郎', version: 4 });
  for (const action of ['subsidy.review', 'subsidy.approve', 'subsidy.pay']) expect([action, (await audits(action, id)).length]).toEqual([action, 1]);
  expect((await staff.agent.get(`/subsidies/${id}`)).text).toContain('支払済');
});

test('only a manager approves or rejects: staff get 403 and nothing changes', async () => {
  const id = await insertSubsidy(t.db, { person_id: await subsidyPerson(t.db), status: '審査' });
  const page = await staff.agent.get(`/subsidies/${id}`);
  expect(page.text).not.toContain(`action="/subsidies/${id}/decision"`);
  expect(page.text).toContain('決定（承認・却下）は管理者が行います。');
  const res = await step(staff.agent, id, 'decision', { version: '1', decision: '承認', decided_on: '2026-11-20', decision_number: '1' });
  expect(res.status).toBe(403);
  expect(await row(id)).toMatchObject({ status: '審査', decision: null, version: 1 });
  // and a manager prepares nothing
  expect((await manager.agent.get('/subsidies/new')).status).toBe(403);
  expect((await step(manager.agent, id, 'payment', { version: '1', paid_on: '2026-11-20', payee: 'x' })).status).toBe(403);
});

test('a rejection needs its reason; decision dates are checked; then it can never be paid', async () => {
  const id = await insertSubsidy(t.db, { person_id: await subsidyPerson(t.db), status: '審査' });
  const noReason = await step(manager.agent, id, 'decision', { version: '1', decision: '却下', decided_on: '2026-11-20', decision_number: '熊健福第2号' });
  expect(noReason.status).toBe(400);
  expect(noReason.text).toContain('id="decision_reason-error">却下の理由を入力してください</p>');
  const early = await step(manager.agent, id, 'decision', { version: '1', decision: '承認', decided_on: '2026-09-30', decision_number: '熊健福第2号' });
  expect(early.text).toContain('決定日は受付日以降の日付を入力してください');
  const future = await step(manager.agent, id, 'decision', { version: '1', decision: '承認', decided_on: '2026-12-01', decision_number: '熊健福第2号' });
  expect(future.text).toContain(M.future);
  expect((await row(id)).version).toBe(1);
  const rejected = await step(manager.agent, id, 'decision', { version: '1', decision: '却下', decided_on: '2026-11-20', decision_number: '熊健福第2号', decision_reason: '収入が基準を超えるため' });
  expect(rejected.status).toBe(303);
  expect(await row(id)).toMatchObject({ status: '決定', decision: '却下', decision_reason: '収入が基準を超えるため' });
  expect(await audits('subsidy.reject', id)).toHaveLength(1);
  const pay = await step(staff.agent, id, 'payment', { version: '2', paid_on: '2026-11-25', payee: '後見 一郎' });
  expect(pay.status).toBe(303);
  expect(await row(id)).toMatchObject({ status: '決定', paid_on: null, version: 2 });
});

test('steps out of order or from a stale page change nothing (refusal or the conflict page)', async () => {
  const id = await insertSubsidy(t.db, { person_id: await subsidyPerson(t.db) });
  const early = await step(manager.agent, id, 'decision', { version: '1', decision: '承認', decided_on: '2026-11-20', decision_number: '1' });
  expect(early.status).toBe(303);
  expect(await row(id)).toMatchObject({ status: '受付', version: 1 });
  expect((await step(staff.agent, id, 'review', { version: '1' })).status).toBe(303);
  const stale = await step(staff.agent, id, 'review', { version: '1' });
  expect(stale.status).toBe(409);
  expect(stale.text).toContain('他の人が先に更新しました');
  expect((await row(id)).version).toBe(2);
});

test('removal while undecided, with a reason; the application disappears from pages', async () => {
  const id = await insertSubsidy(t.db, { person_id: await subsidyPerson(t.db) });
  const bad = await step(staff.agent, id, 'delete', { version: '1', deleted_reason: '' });
  expect(bad.status).toBe(400);
  expect(bad.text).toContain('削除の理由を入力してください');
  const res = await step(staff.agent, id, 'delete', { version: '1', deleted_reason: '重複して登録' });
  expect(res.headers.location).toBe('/subsidies');
  expect(await row(id)).toMatchObject({ deleted_reason: '重複して登録', deleted_by: staff.id });
  expect((await staff.agent.get(`/subsidies/${id}`)).status).toBe(404);
  const decided = await insertSubsidy(t.db, { person_id: await subsidyPerson(t.db), status: '決定' });
  await step(staff.agent, decided, 'delete', { version: '1', deleted_reason: '誤り' });
  expect((await row(decided)).deleted_at).toBeNull();
});

test('ward users get 403 on every subsidies route, audited as access.denied', async () => {
  const id = await insertSubsidy(t.db, { person_id: await subsidyPerson(t.db), status: '決定' });
  const token = csrfFrom((await ward.agent.get('/account/password')).text);
  const subsidyRoutes = t.routes.filter((r) => r.path.startsWith('/subsidies'));
  expect(subsidyRoutes.length).toBeGreaterThanOrEqual(12);
  for (const r of subsidyRoutes) {
    const url = r.path.replace(':subsidyId', String(id)).replace(':batchId', '1');
    const res = r.method === 'get' ? await ward.agent.get(url) : await ward.agent.post(url).type('form').send({ _csrf: token, version: '1' });
    expect([r.path, res.status]).toEqual([r.path, 403]);
  }
  expect((await t.db('audit_log').where({ action: 'access.denied', actor_id: ward.id })).length).toBeGreaterThanOrEqual(subsidyRoutes.length);
  expect((await row(id)).version).toBe(1);
  expect((await ward.agent.get('/')).text).not.toContain('href="/subsidies"');
});

test('the person page lists the applications in the timeline, and links to take one in', async () => {
  const person = await subsidyPerson(t.db);
  const id = await insertSubsidy(t.db, { person_id: person, status: '決定', granted: 250000 });
  const gone = await insertSubsidy(t.db, { person_id: person, deleted: true });
  const page = await staff.agent.get(`/persons/${person}`);
  expect(page.text).toContain(`<a href="/subsidies/${id}">対象期間 令和7年10月1日〜令和8年9月30日：決定（承認）（助成額 250,000円）</a>`);
  expect(page.text).not.toContain(`/subsidies/${gone}"`);
  expect(page.text).toContain(`href="/subsidies/new?person_id=${person}"`);
});
