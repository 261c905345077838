import { useTestApp } from '../../helpers/suite';
import { MEETING_MESSAGES } from '../../../src/features/meetings/meetings-schema';
import { idFrom, insertCase, insertMeeting, kindId, orgId, postFrom, somePerson } from './meeting-factory';
import { insertPetition } from '../petitions/petition-factory';

const t = useTestApp();
const staff = t.user('staff');
const manager = t.user('manager');

const count = async (table: string) => Number((await t.db(table).count({ n: '*' }))[0].n);
const attendees = (id: number) => t.db('meeting_attendees').where({ meeting_id: id }).orderBy('position').select('position', 'org_id', 'role', 'name');

describe('a new meeting', () => {
  test('date (和暦), place, attendee rows (blank rows skipped) and minutes are stored, audited, listed and shown', async () => {
    const [bar, court] = [await orgId(t.db, '弁護士会'), await orgId(t.db, '家庭裁判所')];
    const res = await postFrom(staff.agent, '/meetings/new', '/meetings', {
      held_on: '令和8年10月5日', place: '市役所 会議室', minutes: '協議の結果、次のとおり推薦する。\n以上',
      att_org_0: String(bar), att_role_0: '副会長', att_name_0: '山田 一郎', att_org_2: String(court), att_role_2: '', att_name_2: '',
    });
    expect(res.status).toBe(303);
    const id = idFrom(res.headers.location);
    expect(await t.db('meetings').where({ id }).first()).toMatchObject({ held_on: '2026-10-05', place: '市役所 会議室', version: 1, created_by: staff.id });
    expect(await attendees(id)).toEqual([
      { position: 1, org_id: bar, role: '副会長', name: '山田 一郎' },
      { position: 2, org_id: court, role: null, name: null },
    ]);
    expect(await t.db('audit_log').where({ action: 'meeting.create', record_id: String(id) })).toHaveLength(1);
    const list = await manager.agent.get('/meetings?fy=2026');
    expect(list.status).toBe(200);
    expect(list.text).toContain(`<a href="/meetings/${id}">令和8年10月5日</a>`);
    expect(list.text).toContain('家庭裁判所、弁護士会');
    const page = await manager.agent.get(`/meetings/${id}`);
    expect(page.text).toContain('<td>弁護士会</td><td>副会長</td><td>山田 一郎</td>');
    expect(page.text).toContain('協議の結果、次のとおり推薦する。<br>以上');
    expect(page.text).not.toContain('会議の記録を編集');
    expect(await t.db('audit_log').where({ action: 'meeting.view', record_id: String(id) })).toHaveLength(1);
  });

  test('bad input comes back with 400, the message next to its field, and nothing stored', async () => {
    const before = [await count('meetings'), await count('meeting_attendees')];
    const cases: [Record<string, string>, string, string][] = [
      [{ held_on: '令和8年2月30日' }, 'held_on', MEETING_MESSAGES.heldOn],
      [{ held_on: '2026-11-28' }, 'held_on', MEETING_MESSAGES.future],
      [{ held_on: '2026-11-01', att_role_1: '書記' }, 'att_org_1', MEETING_MESSAGES.attOrg(2)],
      [{ held_on: '2026-11-01', att_org_0: '999999' }, 'att_org_0', MEETING_MESSAGES.attOrg(1)],
      [{ held_on: '2026-11-01', place: 'あ'.repeat(201) }, 'place', MEETING_MESSAGES.place],
    ];
    for (const [body, field, message] of cases) {
      const res = await postFrom(staff.agent, '/meetings/new', '/meetings', body);
      expect([field, res.status]).toEqual([field, 400]);
      expect(res.text).toContain(`<p class="error-text" id="${field}-error">${message}</p>`);
      expect(res.text).toContain(`href="#${field}"`);
    }
    expect([await count('meetings'), await count('meeting_attendees')]).toEqual(before);
  });
});

describe('editing a meeting', () => {
  test('saves the fields and replaces the attendees; a stale version gets the conflict page and changes nothing', async () => {
    const id = await insertMeeting(t.db, '2026-09-01', { place: '旧会場' });
    const org = String(await orgId(t.db, '市'));
    const form = await staff.agent.get(`/meetings/${id}/edit`);
    expect(form.text).toContain('name="version" value="1"');
    const ok = await postFrom(staff.agent, `/meetings/${id}/edit`, `/meetings/${id}`, { version: '1', held_on: '2026-09-02', place: '新会場', att_org_0: org, att_name_0: '熊本 次郎' });
    expect(ok.status).toBe(303);
    expect(await t.db('meetings').where({ id }).first()).toMatchObject({ held_on: '2026-09-02', place: '新会場', version: 2, updated_by: staff.id });
    expect(await attendees(id)).toEqual([{ position: 1, org_id: Number(org), role: null, name: '熊本 次郎' }]);
    const stale = await postFrom(staff.agent, `/meetings/${id}/edit`, `/meetings/${id}`, { version: '1', held_on: '2026-09-03', place: '古い画面から' });
    expect(stale.status).toBe(409);
    expect(stale.text).toContain('他の人が先に更新しました');
    expect(stale.text).toContain('古い画面から');
    expect(stale.text).toContain('新会場');
    expect(await t.db('meetings').where({ id }).first()).toMatchObject({ place: '新会場', version: 2 });
    expect(await attendees(id)).toHaveLength(1);
  });
});

describe('deleting a meeting', () => {
  test('needs a reason; hides the meeting from the list and its page; audited', async () => {
    const id = await insertMeeting(t.db, '2026-08-03');
    const noReason = await postFrom(staff.agent, `/meetings/${id}`, `/meetings/${id}/delete`, { reason: '' });
    expect(noReason.status).toBe(400);
    expect(noReason.text).toContain('削除の理由を入力してください');
    const res = await postFrom(staff.agent, `/meetings/${id}`, `/meetings/${id}/delete`, { reason: '二重登録' });
    expect(res.status).toBe(303);
    expect(await t.db('meetings').where({ id }).first()).toMatchObject({ deleted_reason: '二重登録', deleted_by: staff.id, version: 2 });
    expect((await staff.agent.get(`/meetings/${id}`)).status).toBe(404);
    expect((await staff.agent.get('/meetings?fy=2026')).text).not.toContain(`href="/meetings/${id}"`);
    expect(await t.db('audit_log').where({ action: 'meeting.delete', record_id: String(id) })).toHaveLength(1);
  });

  test('is refused while one of its cases is the record of a petition\'s stage 6', async () => {
    const id = await insertMeeting(t.db, '2026-08-04');
    const person = await somePerson(t.db);
    const petition = await insertPetition(t.db, { person_id: person, ward: '東区' });
    const caseId = await insertCase(t.db, id, { person_id: person, recommended: await kindId(t.db, '弁護士'), petition_id: petition });
    await t.db('petitions').where({ id: petition }).update({ meeting_case_id: caseId });
    const res = await postFrom(staff.agent, `/meetings/${id}`, `/meetings/${id}/delete`, { reason: '誤り' });
    expect(res.status).toBe(400);
    expect(res.text).toContain(MEETING_MESSAGES.deleteLinked([petition]));
    expect((await t.db('meetings').where({ id }).first()).deleted_at).toBeNull();
  });
});

describe('the list of a fiscal year', () => {
  test('counts the year\'s live meetings and cases and shows the court-follow rate among the cases with an appointed type', async () => {
    const [a, b] = [await kindId(t.db, '弁護士'), await kindId(t.db, '司法書士')];
    const person = await somePerson(t.db);
    const m1 = await insertMeeting(t.db, '2019-04-01');
    const m2 = await insertMeeting(t.db, '2020-03-31', { place: '年度末の会議室' });
    const gone = await insertMeeting(t.db, '2019-10-01', { deleted: true });
    const outside = await insertMeeting(t.db, '2020-04-01');
    await insertCase(t.db, m1, { person_id: person, recommended: a, appointed: a });
    await insertCase(t.db, m1, { person_id: person, recommended: a, appointed: b });
    await insertCase(t.db, m2, { person_id: person, recommended: b });
    await insertCase(t.db, m2, { person_id: person, recommended: b, appointed: b, deleted: true });
    await insertCase(t.db, gone, { person_id: person, recommended: b, appointed: b });
    await insertCase(t.db, outside, { person_id: person, recommended: b, appointed: b });
    const page = (await manager.agent.get('/meetings?fy=2019')).text;
    expect(page).toContain('<div><dt>開催回数</dt><dd>2回</dd></div>');
    expect(page).toContain('<div><dt>検討件数</dt><dd>3件</dd></div>');
    expect(page).toContain('<div><dt>追随率</dt><dd>50.0%（2件中1件）</dd></div>');
    expect(page.indexOf(`href="/meetings/${m2}"`)).toBeLessThan(page.indexOf(`href="/meetings/${m1}"`));
    expect(page).not.toContain(`href="/meetings/${gone}"`);
    expect(page).not.toContain(`href="/meetings/${outside}"`);
  });
});
