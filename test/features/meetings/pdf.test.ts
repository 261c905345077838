import { useTestApp } from '../../helpers/suite';
import { pdfPages } from '../../lib/table/fixtures';
import { COURT, RESULT_SHEET_TITLE, SENDER } from '../../../src/features/meetings/pdf/meeting-case-pdf';
import { MINUTES_TITLE } from '../../../src/features/meetings/pdf/meeting-minutes-pdf';
import { insertPetition } from '../petitions/petition-factory';
import { insertCase, insertMeeting, kindId, orgId } from './meeting-factory';
import { insertPerson, wardId } from '../../helpers/factories';

const t = useTestApp();
const staff = t.user('staff');
const manager = t.user('manager');

const binary = (res: import('superagent').Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};
const squash = (s: string) => s.replace(/\s+/g, '');

let meeting = 0;
let caseId = 0;
let petition = 0;
beforeAll(async () => {
  const person = await insertPerson(t.db, { name: '熊本 花子', name_kana: 'クマモト ハナコ', birth_date: '1940-05-01', ward_id: await wardId(t.db, '東区'), address: '熊本市東区健軍1丁目1-1' });
  meeting = await insertMeeting(t.db, '2024-05-10', { place: '熊本市役所 第1会議室', minutes: `第1号案件について協議した。\n${'長い議事の記録。'.repeat(600)}\n以上で閉会した。` });
  await t.db('meeting_attendees').insert([
    { meeting_id: meeting, position: 1, org_id: await orgId(t.db, '弁護士会'), role: '副会長', name: '山田 一郎' },
    { meeting_id: meeting, position: 2, org_id: await orgId(t.db, '家庭裁判所'), role: '書記官', name: null },
  ]);
  petition = await insertPetition(t.db, { person_id: person, ward: '東区', values: { case_number: '令和6年(家)第123号' } });
  caseId = await insertCase(t.db, meeting, { person_id: person, recommended: await kindId(t.db, '社会福祉士'), candidate: '肥後 三郎', petition_id: petition });
  await t.db('meeting_cases').where({ id: caseId }).update({
    needs_summary: '預貯金の管理と施設入所契約', reasons: '身上保護の比重が大きいため', candidate_accepted: '可', sent_to_court_on: '2024-05-20',
  });
});

test('the result sheet for the court: A4 portrait, 和暦, the person, the petition and the recommendation; audited', async () => {
  const res = await staff.agent.get(`/meetings/${meeting}/cases/${caseId}/pdf`).buffer(true).parse(binary);
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  expect(res.headers['cache-control']).toBe('no-store');
  expect(res.headers['content-disposition']).toContain(encodeURIComponent(`${RESULT_SHEET_TITLE}_${caseId}.pdf`));
  const body = res.body as Buffer;
  expect(body.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
  const text = squash(pdfPages(body).join('\n'));
  for (const s of [RESULT_SHEET_TITLE, COURT, SENDER, '令和6年5月10日', '熊本市役所第1会議室', '熊本花子', 'クマモトハナコ', '昭和15年5月1日',
    '熊本市東区健軍1丁目1-1', `番号${petition}`, '令和6年(家)第123号', '預貯金の管理と施設入所契約', '社会福祉士', '肥後三郎', '身上保護の比重が大きいため',
    '受任可', '令和6年5月20日', '作成日令和8年11月27日']) {
    expect([s, text.includes(squash(s))]).toEqual([s, true]);
  }
  expect(await t.db('audit_log').where({ action: 'meeting_case.print', record_type: 'meeting_case', record_id: String(caseId) })).toHaveLength(1);
});

test('the minutes: date, place, attendees, the cases, and the minutes running on over pages; audited', async () => {
  const res = await manager.agent.get(`/meetings/${meeting}/pdf`).buffer(true).parse(binary);
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  const pages = pdfPages(res.body as Buffer);
  expect(pages.length).toBeGreaterThan(1);
  const text = squash(pages.join('\n'));
  for (const s of [MINUTES_TITLE, '令和6年5月10日', '熊本市役所第1会議室', '出席者（2人）', '弁護士会', '副会長', '山田一郎', '家庭裁判所', '書記官',
    '検討案件（1件）', '熊本花子', '社会福祉士', '肥後三郎', '受任可', '第1号案件について協議した。', '以上で閉会した。']) {
    expect([s, text.includes(squash(s))]).toEqual([s, true]);
  }
  expect(squash(pages.at(-1)!)).toContain('以上で閉会した。');
  expect(await t.db('audit_log').where({ action: 'meeting.print', record_type: 'meeting', record_id: String(meeting) })).toHaveLength(1);
});

test('a deleted case or meeting has no PDF (404)', async () => {
  const other = await insertMeeting(t.db, '2024-06-01', { deleted: true });
  expect((await staff.agent.get(`/meetings/${other}/pdf`)).status).toBe(404);
  const gone = await insertCase(t.db, meeting, { person_id: (await t.db('persons').first('id')).id, recommended: await kindId(t.db, '弁護士'), deleted: true });
  expect((await staff.agent.get(`/meetings/${meeting}/cases/${gone}/pdf`)).status).toBe(404);
});
