import { useTestApp } from '../../helpers/suite';
import { pdfPages } from '../../lib/table/fixtures';
import { CASE_MESSAGES } from '../../../src/features/meetings/cases/meeting-cases-schema';
import { insertGuardian, insertPeriod } from '../guardians/guardian-factory';
import { idFrom, insertMeeting, kindId, postFrom, somePerson } from './meeting-factory';

const t = useTestApp();
const staff = t.user('staff');

const binary = (res: import('superagent').Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

const addCase = async (meeting: number, body: Record<string, string>) =>
  postFrom(staff.agent, `/meetings/${meeting}/cases/new`, `/meetings/${meeting}/cases`, { candidate_accepted: '未定', ...body });

let registrant = 0;
let withdrawn = 0;
let never = 0;
beforeAll(async () => {
  registrant = await insertGuardian(t.db, { name: '銀行 登子', kana: 'ギンコウ トウコ' });
  await insertPeriod(t.db, registrant, 'bank', '2025-04-01');
  withdrawn = await insertGuardian(t.db, { name: '抹消 済子', kana: 'マッショウ スミコ' });
  await insertPeriod(t.db, withdrawn, 'bank', '2024-04-01', '2025-03-31');
  never = await insertGuardian(t.db, { name: '未登録 太郎', kana: 'ミトウロク タロウ' });
});

test('the form offers the current bank registrants only; choosing one stores it and the case page, result sheet and edit show the name', async () => {
  const meeting = await insertMeeting(t.db, '2026-11-10');
  const form = (await staff.agent.get(`/meetings/${meeting}/cases/new`)).text;
  expect(form).toContain('<label for="candidate_guardian_id">バンク登録者から選ぶ</label>');
  expect(form).toContain(`<option value="${registrant}">銀行 登子（ギンコウ トウコ）</option>`);
  expect(form).not.toContain(`<option value="${withdrawn}"`);
  expect(form).not.toContain(`<option value="${never}"`);
  const person = await somePerson(t.db);
  const res = await addCase(meeting, { person_id: String(person), recommended_type_id: String(await kindId(t.db, '市民後見人')), candidate_guardian_id: String(registrant) });
  expect(res.status).toBe(303);
  const caseId = idFrom(res.headers.location);
  expect(await t.db('meeting_cases').where({ id: caseId }).first()).toMatchObject({ candidate_guardian_id: registrant, candidate_name: null, version: 1 });
  const page = (await staff.agent.get(res.headers.location)).text;
  expect(page).toContain('<dt>候補者</dt><dd>市民後見人（バンク登録者）銀行 登子（ギンコウ トウコ）</dd>');
  const pdf = await staff.agent.get(`${res.headers.location}/pdf`).buffer(true).parse(binary);
  expect(pdf.status).toBe(200);
  expect(pdfPages(pdf.body as Buffer).join('\n').replace(/\s+/g, '')).toContain('市民後見人（バンク登録者）銀行登子（ギンコウトウコ）');
  // once withdrawn, the case still names them and the edit form still offers them; saving keeps them and bumps the version
  await t.db('guardian_periods').where({ guardian_id: registrant }).update({ ended_on: '2026-11-01' });
  const edit = `/meetings/${meeting}/cases/${caseId}/edit`;
  expect((await staff.agent.get(edit)).text).toContain(`<option value="${registrant}" selected>銀行 登子（ギンコウ トウコ）・現在はバンク登録なし</option>`);
  const saved = await postFrom(staff.agent, edit, `/meetings/${meeting}/cases/${caseId}`, {
    version: '1', person_id: String(person), recommended_type_id: String(await kindId(t.db, '市民後見人')), candidate_accepted: '可',
    candidate_guardian_id: String(registrant), candidate_name: '補足：週2回の訪問可',
  });
  expect(saved.status).toBe(303);
  expect(await t.db('meeting_cases').where({ id: caseId }).first()).toMatchObject({ candidate_guardian_id: registrant, candidate_name: '補足：週2回の訪問可', version: 2 });
  await t.db('guardian_periods').where({ guardian_id: registrant }).update({ ended_on: null });
  // a stale version is the conflict page, naming the chosen guardian on the user's side
  const stale = await postFrom(staff.agent, edit, `/meetings/${meeting}/cases/${caseId}`, {
    version: '1', person_id: String(person), recommended_type_id: String(await kindId(t.db, '市民後見人')), candidate_accepted: '否', candidate_guardian_id: '',
  });
  expect(stale.status).toBe(409);
  expect(await t.db('meeting_cases').where({ id: caseId }).first()).toMatchObject({ candidate_guardian_id: registrant, version: 2 });
});

test.each([
  ['withdrawn from the bank', () => withdrawn],
  ['never registered', () => never],
  ['not a guardian at all', () => 999999],
])('a candidate who is %s is refused with the message next to the field, and nothing is stored', async (_label, id) => {
  const meeting = await insertMeeting(t.db, '2026-11-11');
  const person = await somePerson(t.db);
  const res = await addCase(meeting, { person_id: String(person), recommended_type_id: String(await kindId(t.db, '市民後見人')), candidate_guardian_id: String(id()) });
  expect(res.status).toBe(400);
  expect(res.text).toContain(`<p class="error-text" id="candidate_guardian_id-error">${CASE_MESSAGES.candidateGuardian}</p>`);
  expect(await t.db('meeting_cases').where({ meeting_id: meeting })).toHaveLength(0);
});

test('the citizen guardian\'s page lists the cases naming them, with the meeting date and a link', async () => {
  const meeting = await insertMeeting(t.db, '2026-10-05');
  const person = await somePerson(t.db);
  const res = await addCase(meeting, { person_id: String(person), recommended_type_id: String(await kindId(t.db, '市民後見人')), candidate_guardian_id: String(registrant) });
  const caseId = idFrom(res.headers.location);
  const page = (await staff.agent.get(`/guardians/${registrant}`)).text;
  expect(page).toContain('<td>令和8年10月5日</td>');
  expect(page).toContain(`<a href="/meetings/${meeting}/cases/${caseId}">検討案件 番号 ${caseId}</a>`);
  const other = (await staff.agent.get(`/guardians/${never}`)).text;
  expect(other).toContain('候補者とされた検討案件はありません。');
  expect(other).not.toContain(`/cases/${caseId}"`);
});
