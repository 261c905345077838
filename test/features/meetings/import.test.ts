import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { useTestApp } from '../../helpers/suite';
import { Agent, csrfFrom } from '../../helpers/agent';
import { cliContext } from '../../helpers/cli';
import { importCommands } from '../../../src/cli/import-command';
import { birthNeeded, emptyRequired } from '../../../src/features/imports/import-messages';
import { cellNote } from '../../../src/features/imports/import-form-check';
import { C, MEETING_IMPORT_MESSAGES as M } from '../../../src/features/meetings/import/meetings-import';
import { CASE_MESSAGES } from '../../../src/features/meetings/cases/meeting-cases-schema';
import { MEETING_MESSAGES } from '../../../src/features/meetings/meetings-schema';
import { PERSON_MESSAGES } from '../../../src/features/persons/persons-form';
import { kanaSearchKey, normalizeKana } from '../../../src/lib/kana';
import { insertMeeting, kindId } from './meeting-factory';
import { insertPerson, wardId } from '../../helpers/factories';

const t = useTestApp();
const staff = t.user('staff');
const PATH = '/meetings/import';
const HEADER = Object.values(C);

const ledger = (rows: string[][]) => Buffer.from(`\uFEFF${[HEADER, ...rows].map((r) => r.join(',')).join('\r\n')}\r\n`, 'utf8');
const count = async (table: string) => Number((await t.db(table).count({ n: '*' }))[0].n);
const refused = (message: string, column: string, value: string) => `${message}（${cellNote(column, value)}）`;
let dir: string;
let n = 0;
beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-meetings-rules-')); });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const counts = async () => ({ meetings: await count('meetings'), cases: await count('meeting_cases'), persons: await count('persons') });

async function upload(a: Agent, bytes: Buffer) {
  const token = csrfFrom((await a.get(PATH)).text);
  return a.post(PATH).field('_csrf', token).attach('file', bytes, { filename: 'meetings.csv', contentType: 'text/csv' });
}
function confirmFormOf(html: string) {
  const m = html.match(/<form method="post" action="(\/meetings\/import\/(\d+))">\s*<input type="hidden" name="_csrf" value="([^"]+)">/);
  if (!m) throw new Error('no confirm form');
  return { action: m[1], token: m[3] };
}

test('rows with the same 会議日 form one meeting; persons are matched by kana + birth date, else registered; audited', async () => {
  const known = await insertPerson(t.db, { name: '熊本 花子', name_kana: 'クマモト ハナコ', birth_date: '1940-05-01', ward_id: await wardId(t.db, '東区') });
  const before = await counts();
  const res = await upload(staff.agent, ledger([
    ['R6.5.10', 'くまもと はなこ', '昭和15年5月1日', '東区', '社会福祉士', '肥後 三郎', '可', 'R6.5.20'],
    ['2024-06-14', 'ヒゴ タロウ', '1960-02-11', '北区', '市民後見人', '', '', ''],
    ['令和6年5月10日', 'ｱｿ ｼﾞﾛｳ', '1955-03-03', '中央区', '弁護士', '', '否', ''],
    ['2024/6/14', 'ヒゴ タロウ', '1960-02-11', '北区', '司法書士', '', '未定', ''],
  ]));
  expect(res.status).toBe(200);
  expect(res.text).toContain('すべて取り込む（4件）');
  const form = confirmFormOf(res.text);
  const done = await staff.agent.post(form.action).type('form').send({ _csrf: form.token });
  expect(done.status).toBe(303);
  expect(done.headers.location).toBe('/meetings');
  const after = await counts();
  expect(after).toEqual({ meetings: before.meetings + 2, cases: before.cases + 4, persons: before.persons + 2 });
  const meetings = await t.db('meetings').whereIn('held_on', ['2024-05-10', '2024-06-14']).orderBy('held_on').select('id', 'held_on', 'created_by');
  expect(meetings.map((m) => m.held_on)).toEqual(['2024-05-10', '2024-06-14']);
  expect(meetings.every((m) => m.created_by === staff.id)).toBe(true);
  const cases = async (meetingId: number) => t.db('meeting_cases as c').join('persons as p', 'p.id', 'c.person_id').where('c.meeting_id', meetingId).orderBy('c.id')
    .select('c.person_id', 'p.name', 'c.candidate_name', 'c.candidate_accepted', 'c.sent_to_court_on', 'c.recommended_type_id', 'c.petition_id');
  const may = await cases(meetings[0].id);
  expect(may).toEqual([
    { person_id: known, name: '熊本 花子', candidate_name: '肥後 三郎', candidate_accepted: '可', sent_to_court_on: '2024-05-20', recommended_type_id: await kindId(t.db, '社会福祉士'), petition_id: null },
    expect.objectContaining({ name: normalizeKana('アソ ジロウ'), candidate_accepted: '否', recommended_type_id: await kindId(t.db, '弁護士') }),
  ]);
  const june = await cases(meetings[1].id);
  expect(june.map((c) => [c.name, c.candidate_accepted])).toEqual([[normalizeKana('ヒゴ タロウ'), '未定'], [normalizeKana('ヒゴ タロウ'), '未定']]);
  expect(june[0].person_id).toBe(june[1].person_id);
  const created = await t.db('persons').where({ id: june[0].person_id }).first();
  expect(created).toMatchObject({ name_kana: normalizeKana('ヒゴ タロウ'), kana_key: kanaSearchKey('ヒゴ タロウ'), birth_date: '1960-02-11', ward_id: await wardId(t.db, '北区') });
  expect(await t.db('audit_log').where({ action: 'import.meetings', actor_id: staff.id })).toHaveLength(1);
  expect(await t.db('import_batches').where({ kind: 'meetings' })).toHaveLength(0);
  const monthly = await staff.agent.get('/reports/meetings-monthly?fy=2024');
  expect(monthly.text).toMatch(/<th scope="row">5月<\/th>\s*<td class="num">1<\/td>\s*<td class="num">2<\/td>/);
});

test('all or nothing: one bad row and nothing is stored; every reason is listed by row, in the forms’ words', async () => {
  await insertMeeting(t.db, '2024-07-01');
  const before = await counts();
  const res = await upload(staff.agent, ledger([
    ['2024-08-01', 'ヨシ タロウ', '1950-01-01', '東区', '弁護士', '', '', ''],
    ['2024-08-01', 'Yoshi', '1950-01-01', '東区', '税理士', '', 'はい', '2024-07-31'],
    ['2024-07-01', 'ヨシ ハナコ', '', '南区', '親族', '', '', ''],
  ]));
  expect(res.status).toBe(400);
  const text = res.text.replace(/&#34;/g, '"');
  for (const reason of [
    refused(PERSON_MESSAGES.nameKanaChars, C.kana, 'Yoshi'), refused(CASE_MESSAGES.recommended, C.type, '税理士'),
    refused(CASE_MESSAGES.accepted, C.accepted, 'はい'),
    M.exists('2024-07-01'), birthNeeded(C.birth),
  ]) {
    expect([reason, text.includes(reason)]).toEqual([reason, true]);
  }
  expect(await counts()).toEqual(before);
});

// issue 14 (2): what the meeting, case and person forms refuse, the import refuses with their messages
test.each([
  ['会議日 in the future', { 会議日: '2026-11-28' }, refused(MEETING_MESSAGES.future, C.date, '2026-11-28')],
  ['会議日 not a date', { 会議日: '2024-02-30' }, refused(MEETING_MESSAGES.heldOn, C.date, '2024-02-30')],
  ['家裁送付日 in the future', { 家裁送付日: '2030-01-01' }, refused(CASE_MESSAGES.future, C.sent, '2030-01-01')],
  ['家裁送付日 before the meeting', { 家裁送付日: '2024-09-09' }, refused(CASE_MESSAGES.sentBefore, C.sent, '2024-09-09')],
  ['候補者 of 101 characters', { 候補者: '候'.repeat(101) }, refused(CASE_MESSAGES.candidate, C.candidate, '候'.repeat(101))],
  ['推薦種別 not in the master', { 推薦種別: '行政書士' }, refused(CASE_MESSAGES.recommended, C.type, '行政書士')],
  ['推薦種別 empty', { 推薦種別: '' }, refused(CASE_MESSAGES.recommended, C.type, '')],
  ['生年月日 in the future', { 生年月日: '2027-01-01' }, refused(PERSON_MESSAGES.birthFuture, C.birth, '2027-01-01')],
  ['氏名カナ of 101 characters', { 氏名カナ: 'ア'.repeat(101) }, refused(PERSON_MESSAGES.name, C.kana, 'ア'.repeat(101))],
  ['区 empty (a new person takes it)', { 区: '' }, emptyRequired(C.ward)],
])('%s: refused with the form’s message, row-numbered; nothing stored', async (_name, cells, reason) => {
  const before = await counts();
  const base: Record<string, string> = { 会議日: '2024-09-10', 氏名カナ: 'フォーム タロウ', 生年月日: '1950-01-01', 区: '東区', 推薦種別: '弁護士', 候補者: '', 受任可否: '', 家裁送付日: '', ...cells };
  const err: string[] = [];
  const file = path.join(dir, `rules-${++n}.csv`);
  fs.writeFileSync(file, ledger([HEADER.map((h) => base[h])]));
  expect(await importCommands.import.run(['meetings', file], cliContext(t.db, () => undefined, (s) => err.push(s)))).toBe(1);
  const lines = err.filter((l) => l.startsWith('行'));
  expect(lines).toContain(`行2: ${reason}`);
  expect(lines.filter((l) => !l.startsWith('行2: '))).toEqual([]);
  expect(await counts()).toEqual(before);
});

test('the command line: import meetings FILE (Shift_JIS too), the same rules, audited as cli', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-meetings-import-'));
  try {
    const file = path.join(dir, 'meetings.csv');
    fs.writeFileSync(file, iconv.encode([HEADER.join(','), '2025-01-20,サカ イチロウ,1945-04-01,西区,法人後見,,可,'].join('\r\n'), 'cp932'));
    const out: string[] = [];
    const before = await counts();
    expect(await importCommands.import.run(['meetings', file], cliContext(t.db, (s) => out.push(s)))).toBe(0);
    expect(out.join('\n')).toContain('1件を取り込みました');
    expect(await counts()).toEqual({ meetings: before.meetings + 1, cases: before.cases + 1, persons: before.persons + 1 });
    expect(await t.db('audit_log').where({ action: 'import.meetings', actor_username: 'cli' })).toHaveLength(1);
    const again: string[] = [];
    expect(await importCommands.import.run(['meetings', file], cliContext(t.db, (s) => again.push(s)))).toBe(1);
    expect(again.join('\n')).toContain(M.exists('2025-01-20'));
    expect((await counts()).meetings).toBe(before.meetings + 1);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
