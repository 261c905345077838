import { useTestApp } from '../../helpers/suite';
import { CASE_MESSAGES } from '../../../src/features/meetings/cases/meeting-cases-schema';
import { STAGE_NOTICES } from '../../../src/features/meetings/cases/meeting-stage';
import { STAGE_RULES } from '../../../src/features/petitions/stages/petition-stages';
import { doneThrough, insertPetition } from '../petitions/petition-factory';
import { idFrom, insertCase, insertMeeting, kindId, postFrom, somePerson } from './meeting-factory';

const t = useTestApp();
const staff = t.user('staff');

const stage6 = (petition: number) => t.db('petition_stages').where({ petition_id: petition, stage: 6 }).first();
const petitionRow = (id: number) => t.db('petitions').where({ id }).first();
const flashes = async (location: string) => (await staff.agent.get(location)).text;

/** Posts the new-case form of `meeting` with the page's token. */
const addCase = async (meeting: number, body: Record<string, string>) =>
  postFrom(staff.agent, `/meetings/${meeting}/cases/new`, `/meetings/${meeting}/cases`, { candidate_accepted: '未定', ...body });

describe('the person is found by kana and the petition offered is theirs', () => {
  test('search, pick, and only the chosen person\'s petitions are offered; another person\'s petition is refused', async () => {
    const meeting = await insertMeeting(t.db, '2026-11-10');
    const person = await somePerson(t.db, '東区', '検索 花子');
    const other = await somePerson(t.db, '西区', '別人 太郎');
    const own = await insertPetition(t.db, { person_id: person, ward: '東区' });
    const foreign = await insertPetition(t.db, { person_id: other, ward: '西区' });
    const search = await addCase(meeting, { intent: 'search', person_kana: 'かいぎ' });
    expect(search.status).toBe(200);
    expect(search.text).toContain(`value="${person}"`);
    const picked = await staff.agent.get(`/meetings/${meeting}/cases/new`);
    expect(picked.text).not.toContain(`番号 ${own}（`);
    const bad = await addCase(meeting, { person_id: String(person), petition_id: String(foreign), recommended_type_id: String(await kindId(t.db, '弁護士')) });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain(CASE_MESSAGES.petitionOfOther);
    expect(bad.text).toContain(`<option value="${own}">番号 ${own}（東区・現在 1 相談受付）</option>`);
    expect(bad.text).not.toContain(`<option value="${foreign}"`);
    const noPerson = await addCase(meeting, { recommended_type_id: String(await kindId(t.db, '弁護士')) });
    expect(noPerson.status).toBe(400);
    expect(noPerson.text).toContain(CASE_MESSAGES.person);
    expect(await t.db('meeting_cases').where({ meeting_id: meeting })).toHaveLength(0);
  });
});

describe('recording a recommendation completes stage 6 of the linked petition', () => {
  test('at stage 6: the case is stored and stage 6 is done on the meeting day, pointing at the case, in one go', async () => {
    const meeting = await insertMeeting(t.db, '2026-11-12');
    const person = await somePerson(t.db);
    const petition = await insertPetition(t.db, { person_id: person, ward: '東区', stages: doneThrough(5, '2026-10-01') });
    const kind = await kindId(t.db, '社会福祉士');
    const res = await addCase(meeting, {
      person_id: String(person), petition_id: String(petition), recommended_type_id: String(kind), candidate_name: '熊本 三郎',
      needs_summary: '預貯金の管理', reasons: '身上保護の比重が大きい', candidate_accepted: '可', sent_to_court_on: 'R8.11.20',
    });
    expect(res.status).toBe(303);
    const caseId = idFrom(res.headers.location);
    expect(await t.db('meeting_cases').where({ id: caseId }).first()).toMatchObject({
      meeting_id: meeting, person_id: person, petition_id: petition, recommended_type_id: kind, candidate_accepted: '可',
      sent_to_court_on: '2026-11-20', appointed_type_id: null, version: 1, created_by: staff.id,
    });
    expect(await stage6(petition)).toMatchObject({ status: 'done', completed_on: '2026-11-12', recorded_by: staff.id });
    expect((await stage6(petition)).note).toBe('受任調整会議（令和8年11月12日）の推薦：社会福祉士（候補者：熊本 三郎）');
    expect(await petitionRow(petition)).toMatchObject({ meeting_case_id: caseId, matching_recommendation: '社会福祉士（候補者：熊本 三郎）' });
    const history = await t.db('petition_history').where({ petition_id: petition }).orderBy('id').select('field', 'new_value');
    expect(history.map((h) => h.field)).toEqual(['段階6「受任調整」', '受任調整会議の検討案件', '受任調整会議の推薦']);
    expect(await t.db('audit_log').where({ action: 'petition.stage', record_id: String(petition) })).toHaveLength(1);
    expect(await t.db('audit_log').where({ action: 'meeting_case.create', record_id: String(caseId) })).toHaveLength(1);
    expect(await flashes(res.headers.location)).toContain(STAGE_NOTICES.done(petition, '2026-11-12'));
    const petitionPage = await staff.agent.get(`/petitions/${petition}`);
    expect(petitionPage.text).toContain(`<a href="/meetings/${meeting}/cases/${caseId}">受任調整会議の検討案件を見る</a>`);
    // the edit form shows the person and their petition chosen
    const form = (await staff.agent.get(`/meetings/${meeting}/cases/${caseId}/edit`)).text;
    expect(form).toMatch(new RegExp(`name="person_id" id="person_id" value="${person}" checked`));
    expect(form).toContain(`<option value="${petition}" selected>番号 ${petition}（東区・現在 7 決裁）</option>`);
    // saving the case again records nothing twice
    const edit = await postFrom(staff.agent, `/meetings/${meeting}/cases/${caseId}/edit`, `/meetings/${meeting}/cases/${caseId}`, {
      version: '1', person_id: String(person), petition_id: String(petition), recommended_type_id: String(kind), candidate_accepted: '可',
      appointed_type_id: String(kind),
    });
    expect(edit.status).toBe(303);
    expect(await t.db('petition_stages').where({ petition_id: petition, stage: 6 })).toHaveLength(1);
    expect(await t.db('meeting_cases').where({ id: caseId }).first()).toMatchObject({ appointed_type_id: kind, version: 2 });
  });

  test('earlier stages open: the case is still saved, stage 6 is not, the notice says why; once ready the case page records it', async () => {
    const meeting = await insertMeeting(t.db, '2026-11-13');
    const person = await somePerson(t.db);
    const petition = await insertPetition(t.db, { person_id: person, ward: '東区', stages: doneThrough(3, '2026-10-01') });
    const res = await addCase(meeting, { person_id: String(person), petition_id: String(petition), recommended_type_id: String(await kindId(t.db, '弁護士')) });
    expect(res.status).toBe(303);
    const caseId = idFrom(res.headers.location);
    expect(await t.db('meeting_cases').where({ id: caseId })).toHaveLength(1);
    expect(await stage6(petition)).toBeUndefined();
    expect((await petitionRow(petition)).meeting_case_id).toBeNull();
    const page = await flashes(res.headers.location);
    expect(page).toContain(STAGE_NOTICES.refused(petition, STAGE_RULES.notCurrent));
    expect(page).toContain('未記録（申立ての現在の段階：4 診断書・本人情報シート）');
    // still not ready: the button answers with the same reason and stores nothing
    const early = await postFrom(staff.agent, res.headers.location, `${res.headers.location}/stage`, {});
    expect(early.status).toBe(303);
    expect(await flashes(early.headers.location)).toContain(STAGE_RULES.notCurrent);
    expect(await stage6(petition)).toBeUndefined();
    await t.db('petition_stages').insert([4, 5].map((stage) => ({ petition_id: petition, stage, status: 'done', completed_on: '2026-11-01' })));
    const later = await postFrom(staff.agent, res.headers.location, `${res.headers.location}/stage`, {});
    expect(later.status).toBe(303);
    expect(await stage6(petition)).toMatchObject({ status: 'done', completed_on: '2026-11-13' });
    expect((await petitionRow(petition)).meeting_case_id).toBe(caseId);
    expect(await flashes(later.headers.location)).toContain('この検討案件の推薦で完了しています');
  });

  test('stage 6 already recorded (不要) or the petition closed: the case is saved and the petition left as it is', async () => {
    const meeting = await insertMeeting(t.db, '2026-11-14');
    const person = await somePerson(t.db);
    const skipped = await insertPetition(t.db, { person_id: person, ward: '東区', stages: [...doneThrough(5), { stage: 6, status: 'not_needed', on: '2026-10-20' }] });
    const closed = await insertPetition(t.db, { person_id: person, ward: '東区', stages: [{ stage: 1 }, { stage: 12, on: '2026-10-02', note: '本人死亡' }], values: { close_kind: '取下げ' } });
    const kind = String(await kindId(t.db, '司法書士'));
    const a = await addCase(meeting, { person_id: String(person), petition_id: String(skipped), recommended_type_id: kind });
    expect(await flashes(a.headers.location)).toContain(STAGE_NOTICES.already(skipped));
    const b = await addCase(meeting, { person_id: String(person), petition_id: String(closed), recommended_type_id: kind });
    expect(await flashes(b.headers.location)).toContain(STAGE_NOTICES.refused(closed, STAGE_RULES.closedAlready));
    expect(await t.db('petition_stages').whereIn('petition_id', [skipped, closed]).count({ n: '*' })).toEqual([{ n: 8 }]);
    expect((await petitionRow(skipped)).meeting_case_id).toBeNull();
    expect(await t.db('meeting_cases').where({ meeting_id: meeting })).toHaveLength(2);
  });

  test('a meeting dated before the previous stage: the date rule refuses stage 6, the case is saved', async () => {
    const meeting = await insertMeeting(t.db, '2026-09-30');
    const person = await somePerson(t.db);
    const petition = await insertPetition(t.db, { person_id: person, ward: '東区', stages: doneThrough(5, '2026-10-01') });
    const res = await addCase(meeting, { person_id: String(person), petition_id: String(petition), recommended_type_id: String(await kindId(t.db, '親族')) });
    expect(res.status).toBe(303);
    expect(await flashes(res.headers.location)).toContain(STAGE_NOTICES.refused(petition, '完了日は段階5「申立書類作成」の完了日（令和8年10月5日）以降の日付を入力してください'));
    expect(await stage6(petition)).toBeUndefined();
  });

  test('the case that is stage 6\'s record keeps its petition and cannot be deleted until stage 6 is undone on the petition', async () => {
    const meeting = await insertMeeting(t.db, '2026-11-15');
    const person = await somePerson(t.db);
    const petition = await insertPetition(t.db, { person_id: person, ward: '東区', stages: doneThrough(5, '2026-10-01') });
    const kind = String(await kindId(t.db, '法人後見'));
    const res = await addCase(meeting, { person_id: String(person), petition_id: String(petition), recommended_type_id: kind });
    const caseUrl = res.headers.location;
    const caseId = idFrom(caseUrl);
    const unlink = await postFrom(staff.agent, `${caseUrl}/edit`, caseUrl, { version: '1', person_id: String(person), petition_id: '', recommended_type_id: kind, candidate_accepted: '未定' });
    expect(unlink.status).toBe(400);
    expect(unlink.text).toContain(CASE_MESSAGES.petitionLocked(petition));
    const del = await postFrom(staff.agent, caseUrl, `${caseUrl}/delete`, { reason: '誤り' });
    expect(del.status).toBe(400);
    expect(del.text).toContain(CASE_MESSAGES.deleteLinked(petition));
    const undo = await postFrom(staff.agent, `/petitions/${petition}`, `/petitions/${petition}/stages/undo`, { stage: '6' });
    expect(undo.status).toBe(303);
    expect((await petitionRow(petition)).meeting_case_id).toBeNull();
    const again = await postFrom(staff.agent, caseUrl, `${caseUrl}/delete`, { reason: '誤り' });
    expect(again.status).toBe(303);
    expect((await t.db('meeting_cases').where({ id: caseId }).first()).deleted_reason).toBe('誤り');
    expect((await staff.agent.get(caseUrl)).status).toBe(404);
  });
});

describe('the case in other places', () => {
  test('the person\'s timeline lists it; a stale edit gets the conflict page; a sent date before the meeting is refused', async () => {
    const meeting = await insertMeeting(t.db, '2026-11-16');
    const person = await somePerson(t.db);
    const kind = await kindId(t.db, '市民後見人');
    const caseId = await insertCase(t.db, meeting, { person_id: person, recommended: kind, appointed: await kindId(t.db, '弁護士') });
    const personPage = await staff.agent.get(`/persons/${person}`);
    expect(personPage.text).toContain(`<a href="/meetings/${meeting}/cases/${caseId}">推薦：市民後見人／選任：弁護士</a>`);
    const url = `/meetings/${meeting}/cases/${caseId}`;
    const base = { person_id: String(person), recommended_type_id: String(kind), candidate_accepted: '未定' };
    const early = await postFrom(staff.agent, `${url}/edit`, url, { ...base, version: '1', sent_to_court_on: '2026-11-15' });
    expect(early.status).toBe(400);
    expect(early.text).toContain(CASE_MESSAGES.sentBefore);
    expect((await postFrom(staff.agent, `${url}/edit`, url, { ...base, version: '1', reasons: '先の保存' })).status).toBe(303);
    const stale = await postFrom(staff.agent, `${url}/edit`, url, { ...base, version: '1', reasons: '後の保存' });
    expect(stale.status).toBe(409);
    expect(stale.text).toContain('先の保存');
    expect((await t.db('meeting_cases').where({ id: caseId }).first()).reasons).toBe('先の保存');
  });
});
