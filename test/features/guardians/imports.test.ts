import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { useTestApp } from '../../helpers/suite';
import { cliContext } from '../../helpers/cli';
import { csrfFrom } from '../../helpers/agent';
import { importCommands } from '../../../src/cli/import-command';
import { GATING_MESSAGES } from '../../../src/features/guardians/bank/guardian-gating';
import { GUARDIAN_IMPORT_MESSAGES as M } from '../../../src/features/guardians/import/guardians-import-cells';
import { cellNote } from '../../../src/features/imports/import-form-check';
import { GUARDIAN_MESSAGES } from '../../../src/features/guardians/roster/guardians-schema';
import { COURSE_MESSAGES } from '../../../src/features/guardians/courses/courses-schema';
import { FOLLOWUP_MESSAGES } from '../../../src/features/guardians/followups/followups-schema';
import { STEP_MESSAGES } from '../../../src/features/guardians/bank/guardians-steps-service';
import { insertGuardian } from './guardian-factory';

const t = useTestApp();
const staff = t.user('staff');

const TRAINEES = ['氏名', '氏名カナ', '生年月日', '養成講座年度', '修了日', '支援員活動開始日', 'バンク登録日', '協力員開始日'];
const FOLLOWUP = ['氏名カナ', '生年月日', '研修日', '研修名'];
const csv = (rows: string[][]) => Buffer.from(`${rows.map((r) => r.join(',')).join('\r\n')}\r\n`, 'utf8');

let dir: string;
beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-guardians-import-')); });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;
async function cli(kind: string, bytes: Buffer) {
  const file = path.join(dir, `${kind}-${++n}.csv`);
  fs.writeFileSync(file, bytes);
  const out: string[] = [];
  const err: string[] = [];
  const code = await importCommands.import.run([kind, file], cliContext(t.db, (s) => out.push(s), (s) => err.push(s)));
  return { code, out, err };
}
const count = async (table: string) => Number((await t.db(table).count({ n: '*' }))[0].n);

test('trainees: steps taken as given; a bank registration breaking the rule is a warning (listed), not refused', async () => {
  const rows = [
    ['取込 一子', 'トリコミ イチコ', 'S35.4.1', '令和3年度', '2022/2/20', '2022/4/1', '2023/6/1', '2024/4/1'],   // a year as 支援員, but no follow-up: warned
    ['取込 二郎', 'とりこみ じろう', '1955-05-05', '2023', '', '', '', ''],                                      // enrolled only
    ['取込 三子', 'トリコミ ミツコ', '1950-01-01', '', '2020-03-01', '2020-01-01', '2020-06-01', ''],         // course year from 修了日 (FY2019); 支援員 < 1 year
  ];
  const { code, out, err } = await cli('trainees', iconv.encode(csv([TRAINEES, ...rows]).toString('utf8'), 'cp932'));
  expect(code).toBe(0);
  expect(out).toEqual(['3件を取り込みました']);
  expect(err).toContain(`行2: 注意: ${M.gating(GATING_MESSAGES.noFollowup)}`);
  expect(err).toContain(`行4: 注意: ${M.gating(GATING_MESSAGES.activityShort('2020-01-01', '2021-01-01'))}`);
  expect(err).toContain(`行4: 注意: ${M.gating(GATING_MESSAGES.noFollowup)}`);
  expect(err.some((l) => l.startsWith('行3:'))).toBe(false);
  expect(err).toContain('確認が必要な行が2行あります（取り込みます）');

  const g = await t.db('citizen_guardians as g').join('citizen_guardian_progress as p', 'p.guardian_id', 'g.id')
    .where('g.kana_key', 'like', 'トリコミ%').orderBy('g.id').select('g.name', 'g.name_kana', 'g.birth_date', 'g.activity_started_on', 'p.status', 'p.completed_on', 'g.id');
  expect(g.map((r) => [r.name_kana, r.birth_date, r.activity_started_on, r.status, r.completed_on])).toEqual([
    ['トリコミ　イチコ', '1960-04-01', '2022-04-01', 'cooperator', '2022-02-20'],
    ['トリコミ　ジロウ', '1955-05-05', null, 'enrolled', null],
    ['トリコミ　ミツコ', '1950-01-01', '2020-01-01', 'registered', '2020-03-01'],
  ]);
  const courses = await t.db('guardian_course_enrolments as e').join('guardian_courses as c', 'c.id', 'e.course_id')
    .whereIn('e.guardian_id', g.map((r) => r.id)).orderBy('e.guardian_id').select('c.fiscal_year', 'e.completion_basis');
  expect(courses).toEqual([{ fiscal_year: 2021, completion_basis: 'historical' }, { fiscal_year: 2023, completion_basis: null }, { fiscal_year: 2019, completion_basis: 'historical' }]);
  expect(await t.db('guardian_periods').where({ guardian_id: g[0].id }).orderBy('kind').select('kind', 'started_on', 'ended_on'))
    .toEqual([{ kind: 'bank', started_on: '2023-06-01', ended_on: null }, { kind: 'cooperator', started_on: '2024-04-01', ended_on: null }]);
  expect(await t.db('audit_log').where({ action: 'import.trainees', actor_username: 'cli' })).toHaveLength(1);
});

const refused = (message: string, column: string, value: string) => `${message}（${cellNote(column, value)}）`;

// issue 14 (2): what the roster, completion, bank and 協力員 forms refuse, the import refuses with their messages
test.each([
  ['a bad date', ['誤り 一', 'アヤマリ イチ', '1960-01-01', '', '2022/2/30', '', '', ''], refused(COURSE_MESSAGES.completedOn, '修了日', '2022/2/30')],
  ['an unreadable course year', ['誤り 二', 'アヤマリ ニ', '1960-01-01', '来年', '', '', '', ''], M.courseFy('来年')],
  ['協力員 without bank', ['誤り 三', 'アヤマリ サン', '1960-01-01', '', '', '', '', '2024-04-01'], refused(STEP_MESSAGES.notRegistered, '協力員開始日', '2024-04-01')],
  ['協力員 before bank', ['誤り 四', 'アヤマリ ヨン', '1960-01-01', '', '', '', '2024-04-01', '2024-03-01'], refused(STEP_MESSAGES.beforeBank('2024-04-01'), '協力員開始日', '2024-03-01')],
  ['a person already on the roster', ['既存 太郎', 'キゾン タロウ', '1961-02-03', '', '', '', '', ''], refused(GUARDIAN_MESSAGES.duplicate, '氏名カナ', 'キゾン タロウ')],
  ['a 生年月日 in the future', ['誤り 五', 'アヤマリ ゴ', '2027-01-01', '', '', '', '', ''], refused(GUARDIAN_MESSAGES.future, '生年月日', '2027-01-01')],
  ['a 修了日 in the future', ['誤り 六', 'アヤマリ ロク', '1960-01-01', '', '2026-11-28', '', '', ''], refused(COURSE_MESSAGES.future, '修了日', '2026-11-28')],
  ['a バンク登録日 in the future', ['誤り 七', 'アヤマリ ナナ', '1960-01-01', '', '', '', '2030-01-01', ''], refused(GUARDIAN_MESSAGES.future, 'バンク登録日', '2030-01-01')],
  ['a 支援員活動開始日 in the future', ['誤り 八', 'アヤマリ ハチ', '1960-01-01', '', '', '2030-01-01', '', ''], refused(GUARDIAN_MESSAGES.future, '支援員活動開始日', '2030-01-01')],
  ['a 氏名 of 101 characters', ['誤'.repeat(101), 'アヤマリ キュウ', '1960-01-01', '', '', '', '', ''], refused(GUARDIAN_MESSAGES.name, '氏名', '誤'.repeat(101))],
  ['a 氏名カナ not in kana', ['誤り 十', 'Ayamari', '1960-01-01', '', '', '', '', ''], refused(GUARDIAN_MESSAGES.nameKanaChars, '氏名カナ', 'Ayamari')],
])('trainees: %s is a row error with the form’s message; nothing of the file is stored', async (_name, bad, reason) => {
  if (!(await t.db('citizen_guardians').where({ kana_key: 'キゾンタロウ' }).first())) await insertGuardian(t.db, { name: '既存 太郎', kana: 'キゾン タロウ', birth: '1961-02-03' });
  const before = await count('citizen_guardians');
  const { code, err } = await cli('trainees', csv([TRAINEES, ['良い 行', 'ヨイ ギョウ', '1960-01-01', '', '', '', '', ''], bad]));
  expect(code).toBe(1);
  expect(err.filter((l) => l.startsWith('行'))).toEqual([`行3: ${reason}`]);
  expect(await count('citizen_guardians')).toBe(before);
});

test.each([
  ['a 研修日 in the future', ['ケイショウ イチコ', '1960-04-01', '2026-11-28', '事例検討会'], refused(FOLLOWUP_MESSAGES.future, '研修日', '2026-11-28')],
  ['a 研修日 not a date', ['ケイショウ イチコ', '1960-04-01', '2024-02-30', '事例検討会'], refused(FOLLOWUP_MESSAGES.heldOn, '研修日', '2024-02-30')],
  ['a 研修名 of 101 characters', ['ケイショウ イチコ', '1960-04-01', '2024-02-01', '研'.repeat(101)], refused(FOLLOWUP_MESSAGES.title, '研修名', '研'.repeat(101))],
  ['no 研修名', ['ケイショウ イチコ', '1960-04-01', '2024-02-01', ''], refused('研修名を入力してください', '研修名', '')],
])('followup: %s is a row error with the form’s message; nothing stored', async (_name, bad, reason) => {
  if (!(await t.db('citizen_guardians').where({ kana_key: 'ケイショウイチコ' }).first())) await insertGuardian(t.db, { name: '継承 一子', kana: 'ケイショウ イチコ', birth: '1960-04-01' });
  const before = await count('guardian_followup_attendance');
  const { code, err } = await cli('followup', csv([FOLLOWUP, bad]));
  expect(code).toBe(1);
  expect(err.filter((l) => l.startsWith('行'))).toEqual([`行2: ${reason}`]);
  expect(await count('guardian_followup_attendance')).toBe(before);
});

test('followup: rows grouped into sessions by date and name, people matched by kana and birth date', async () => {
  const a = await insertGuardian(t.db, { name: '照合 一子', kana: 'ショウゴウ イチコ', birth: '1960-04-01' });
  const b = await insertGuardian(t.db, { name: '照合 二郎', kana: 'ショウゴウ ジロウ', birth: '1955-05-05' });
  const sessions = await count('guardian_followup_sessions');
  const rows = [
    ['ショウゴウ イチコ', 'S35.4.1', '2023/1/15', '事例検討会'],
    ['しょうごう じろう', '1955-05-05', 'R5.1.15', '事例検討会'],
    ['ショウゴウ イチコ', '1960-04-01', '2023-06-01', '制度改正の研修'],
  ];
  const { code, out } = await cli('followup', csv([FOLLOWUP, ...rows]));
  expect([code, out]).toEqual([0, ['3件を取り込みました']]);
  expect(await count('guardian_followup_sessions')).toBe(sessions + 2);
  const attended = await t.db('guardian_followup_attendance as a').join('guardian_followup_sessions as s', 's.id', 'a.session_id')
    .whereIn('a.guardian_id', [a, b]).orderBy(['s.held_on', 'a.guardian_id']).select('s.held_on', 's.title', 'a.guardian_id');
  expect(attended).toEqual([
    { held_on: '2023-01-15', title: '事例検討会', guardian_id: a }, { held_on: '2023-01-15', title: '事例検討会', guardian_id: b },
    { held_on: '2023-06-01', title: '制度改正の研修', guardian_id: a },
  ]);
  // the same file again: every row already recorded, nothing stored
  const again = await cli('followup', csv([FOLLOWUP, ...rows]));
  expect(again.code).toBe(1);
  expect(again.err).toContain(`行2: ${M.attendedAlready}`);
});

test('followup: an unknown trainee or a row twice in the file is a row error; all or nothing', async () => {
  await insertGuardian(t.db, { name: '重複 花子', kana: 'チョウフク ハナコ', birth: '1962-03-03' });
  const before = await count('guardian_followup_attendance');
  const { code, err } = await cli('followup', csv([FOLLOWUP,
    ['チョウフク ハナコ', '1962-03-03', '2024-02-02', '研修A'],
    ['チョウフク ハナコ', '1962-03-03', '2024-02-02', '研修A'],
    ['ミシラヌ ヒト', '1962-03-03', '2024-02-02', '研修A'],
  ]));
  expect(code).toBe(1);
  expect(err).toContain(`行3: ${M.attendedTwice}`);
  expect(err).toContain(`行4: ${FOLLOWUP_MESSAGES.attendees}（${cellNote('氏名カナ', 'ミシラヌ ヒト')}・${cellNote('生年月日', '1962-03-03')}：${M.unknownTrainee}）`);
  expect(await count('guardian_followup_attendance')).toBe(before);
});

test('web upload: the preview lists the warnings next to the rows and imports on confirmation', async () => {
  const page = '/guardians/trainees/import';
  expect((await staff.agent.get(page)).text).toContain('<th scope="row">養成講座年度</th>');
  const token = csrfFrom((await staff.agent.get(page)).text);
  const file = csv([TRAINEES, ['画面 一子', 'ガメン イチコ', '1960-04-01', '2021', '2022-02-20', '', '2023-06-01', '']]);
  const res = await staff.agent.post(page).field('_csrf', token).attach('file', file, { filename: 'trainees.csv', contentType: 'text/csv' });
  expect(res.status).toBe(200);
  const warnings = res.text.match(/<table class="data-table" id="row-warnings">([\s\S]*?)<\/table>/)![1];
  expect(warnings).toContain('行2');
  expect(warnings).toContain(GATING_MESSAGES.noActivity);
  expect(warnings).toContain(GATING_MESSAGES.noFollowup);
  expect(await t.db('citizen_guardians').where({ kana_key: 'ガメンイチコ' })).toEqual([]);
  const m = res.text.match(/<form method="post" action="(\/guardians\/trainees\/import\/(\d+))">\s*<input type="hidden" name="_csrf" value="([^"]+)">/)!;
  const done = await staff.agent.post(m[1]).type('form').send({ _csrf: m[3] });
  expect([done.status, done.headers.location]).toEqual([303, '/guardians']);
  expect(await t.db('citizen_guardians').where({ kana_key: 'ガメンイチコ' })).toHaveLength(1);
  expect(await t.db('audit_log').where({ action: 'import.trainees', record_id: m[2], actor_id: staff.id })).toHaveLength(1);
});
