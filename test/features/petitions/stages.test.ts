import { createTestApp, TestApp } from '../../helpers/app';
import { makeUser } from '../../helpers/factories';
import { Agent, csrfFrom, loginAs } from '../../helpers/agent';
import { STAGE_RULES } from '../../../src/features/petitions/stages/petition-stages';
import { PROGRESS_MESSAGES } from '../../../src/features/petitions/petitions-progress-schema';
import { audits, doneThrough, petitionIn } from './petition-factory';

let t: TestApp;
let east: Agent;
let eastId: number;

beforeAll(async () => {
  t = await createTestApp();
  const u = await makeUser(t.db, { role: 'ward', ward: '東区' });
  eastId = u.id;
  east = await loginAs(t.app, u.username);
});
afterAll(async () => { await t.close(); });

const stagesOf = (id: number) => t.db('petition_stages').where({ petition_id: id }).orderBy('stage').select('stage', 'status', 'completed_on', 'note', 'recorded_by');
const petition = (id: number) => t.db('petitions').where({ id }).first();
const history = async (id: number) => (await t.db('petition_history').where({ petition_id: id }).orderBy('id')).map((h) => [h.field, h.old_value, h.new_value]);

/** Posts a form of the petition page with the page's own CSRF token. */
async function post(agent: Agent, id: number, path: string, body: Record<string, string>) {
  const page = await agent.get(`/petitions/${id}`);
  return agent.post(`/petitions/${id}${path}`).type('form').send({ ...body, _csrf: csrfFrom(page.text) });
}
const record = (id: number, stage: number, on: string, extra: Record<string, string> = {}) =>
  post(east, id, '/stages', { stage: String(stage), stage_status: 'done', stage_on: on, stage_note: '', ...extra });

describe('recording stages (a ward user)', () => {
  test('the current stage is recorded with date, recorder and memo; history, audit and a new version', async () => {
    const { id } = await petitionIn(t.db, '東区', { intake: '2026-11-10' });
    const page = await east.get(`/petitions/${id}`);
    expect(page.text).toContain('段階1「相談受付」を記録する');
    expect(page.text).toMatch(/name="stage_on" type="text" value="2026-11-27"/);
    const res = await record(id, 1, '令和8年11月20日', { stage_note: '包括から電話' });
    expect(res.status).toBe(303);
    expect(await stagesOf(id)).toEqual([{ stage: 1, status: 'done', completed_on: '2026-11-20', note: '包括から電話', recorded_by: eastId }]);
    expect(await history(id)).toEqual([['段階1「相談受付」', null, '完了（令和8年11月20日） メモ：包括から電話']]);
    expect(await audits(t.db, 'petition.stage', id)).toHaveLength(1);
    expect((await petition(id)).version).toBe(2);
    const after = (await east.get(`/petitions/${id}`)).text;
    expect(after).toMatch(/1 相談受付<\/th>\s*<td>完了<\/td>\s*<td>令和8年11月20日<\/td>\s*<td>テスト /);
    expect(after).toContain('（7日目）');
    expect(after).toContain('段階2「本人調査」を記録する');
  });

  test('each order and date rule refuses with 400 and its message, storing nothing', async () => {
    const BEFORE_PREVIOUS = '完了日は段階2「本人調査」の完了日（令和8年11月2日）以降の日付を入力してください';
    const { id } = await petitionIn(t.db, '東区', { stages: doneThrough(2, '2026-11-01') });
    const cases: [Record<string, string>, number, string][] = [
      [{}, 4, STAGE_RULES.notCurrent],
      [{}, 2, STAGE_RULES.alreadyDone],
      [{}, 3, BEFORE_PREVIOUS],
      [{ stage_status: 'not_needed' }, 3, STAGE_RULES.reasonRequired],
    ];
    for (const [extra, stage, message] of cases) {
      const on = message === BEFORE_PREVIOUS ? '2026-11-01' : '2026-11-20';
      const res = await record(id, stage, on, extra);
      expect([message, res.status, res.text.includes(message)]).toEqual([message, 400, true]);
    }
    const future = await record(id, 3, '2026-11-28');
    expect([future.status, future.text.includes(STAGE_RULES.future)]).toEqual([400, true]);
    const badDate = await record(id, 3, '2026-13-01');
    expect([badDate.status, badDate.text.includes(PROGRESS_MESSAGES.stageOn), badDate.text.includes('value="2026-13-01"')]).toEqual([400, true, true]);
    const noStage = await record(id, 'x' as unknown as number, '2026-11-20');
    expect([noStage.status, noStage.text.includes(`<a href="#stage_status">${PROGRESS_MESSAGES.stage}</a>`)]).toEqual([400, true]);
    expect(await stagesOf(id)).toHaveLength(2);
    expect((await petition(id)).version).toBe(1);
    const notNeeded = await record(id, 3, '2026-11-20', { stage_status: 'not_needed', stage_note: '親族調査は区で実施済み' });
    expect(notNeeded.status).toBe(303);
    expect((await stagesOf(id))[2]).toMatchObject({ stage: 3, status: 'not_needed', note: '親族調査は区で実施済み' });
  });

  test('closing early only as 取下げ or 却下, with a reason; then nothing more is recorded', async () => {
    const { id } = await petitionIn(t.db, '東区', { stages: doneThrough(3, '2026-11-01') });
    const close = (body: Record<string, string>) => post(east, id, '/stages', { stage: '12', close_on: '2026-11-25', close_reason: '', ...body });
    const complete = await close({ close_kind: '完了' });
    expect([complete.status, complete.text.includes(STAGE_RULES.completeOnlyAtEnd)]).toEqual([400, true]);
    expect((await east.get(`/petitions/${id}`)).text).not.toContain('<option value="完了"');
    const noReason = await close({ close_kind: '取下げ' });
    expect([noReason.status, noReason.text.includes(PROGRESS_MESSAGES.closeReasonRequired)]).toEqual([400, true]);
    expect((await close({ close_kind: '取下げ', close_reason: '本人が死亡したため' })).status).toBe(303);
    expect(await petition(id)).toMatchObject({ close_kind: '取下げ', close_reason: '本人が死亡したため' });
    const page = (await east.get(`/petitions/${id}`)).text;
    expect(page).toContain('終結（取下げ）');
    expect(page).not.toContain('を記録する</h3>');
    const more = await record(id, 4, '2026-11-26');
    expect([more.status, more.text.includes(STAGE_RULES.closedAlready)]).toEqual([400, true]);
    expect(await history(id)).toEqual([
      ['段階12「終結 / 取下げ」', null, '完了（令和8年11月25日） メモ：本人が死亡したため'], ['終結の区分', null, '取下げ'],
    ]);
  });

  test('完了 once 登記 is recorded; recording 家裁申立て fills an empty filing date, and undo takes it back out', async () => {
    const { id } = await petitionIn(t.db, '東区', { stages: doneThrough(7, '2026-11-01') });
    expect((await record(id, 8, '2026-11-10')).status).toBe(303);
    expect((await petition(id)).filed_on).toBe('2026-11-10');
    expect(await history(id)).toContainEqual(['申立日', null, '令和8年11月10日']);
    const undo = await post(east, id, '/stages/undo', { stage: '8' });
    expect(undo.status).toBe(303);
    expect(await petition(id)).toMatchObject({ filed_on: null, version: 3 });
    expect(await stagesOf(id)).toHaveLength(7);
    expect(await history(id)).toContainEqual(['段階8「家裁申立て」', '完了（令和8年11月10日）', '取消し']);
    expect(await audits(t.db, 'petition.stage_undo', id)).toHaveLength(1);
    for (const [stage, on] of [[8, '2026-11-10'], [9, '2026-11-12'], [10, '2026-11-14'], [11, '2026-11-20']] as const) {
      expect([stage, (await record(id, stage, on)).status]).toEqual([stage, 303]);
    }
    expect(await petition(id)).toMatchObject({ filed_on: '2026-11-10', decided_on: '2026-11-12', finalized_on: '2026-11-14', registered_on: '2026-11-20' });
    expect((await east.get(`/petitions/${id}`)).text).toContain('<option value="完了"');
    expect((await post(east, id, '/stages', { stage: '12', close_kind: '完了', close_on: '2026-11-21' })).status).toBe(303);
    expect((await petition(id)).close_kind).toBe('完了');
  });

  test('undo removes only the latest record; a second click (stale stage) changes nothing', async () => {
    const { id } = await petitionIn(t.db, '東区', { stages: [...doneThrough(2, '2026-11-01'), { stage: 12, on: '2026-11-05', note: '却下' }] });
    await t.db('petitions').where({ id }).update({ close_kind: '却下', close_reason: '却下' });
    expect((await post(east, id, '/stages/undo', { stage: '12' })).status).toBe(303);
    expect(await petition(id)).toMatchObject({ close_kind: null, close_reason: null });
    expect((await stagesOf(id)).map((s) => s.stage)).toEqual([1, 2]);
    const stale = await post(east, id, '/stages/undo', { stage: '12' });
    expect(stale.status).toBe(303);
    expect((await east.get(stale.headers.location)).text).toContain('取り消す記録が見つかりませんでした');
    expect((await stagesOf(id)).map((s) => s.stage)).toEqual([1, 2]);
    expect(await audits(t.db, 'petition.stage_undo', id)).toHaveLength(1);
  });

  test('a manager reads the page but records nothing', async () => {
    const { id } = await petitionIn(t.db, '東区');
    const manager = await loginAs(t.app, (await makeUser(t.db, { role: 'manager' })).username);
    const page = await manager.get(`/petitions/${id}`);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain(`action="/petitions/${id}/stages"`);
    expect(page.text).not.toContain(`action="/petitions/${id}/relatives"`);
    expect((await post(manager, id, '/stages', { stage: '1', stage_status: 'done', stage_on: '2026-11-20' })).status).toBe(403);
    expect(await stagesOf(id)).toHaveLength(0);
  });
});
