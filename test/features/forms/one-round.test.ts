/**
 * Issue 14 item 5: every form reports every error it can find in one round — the rules across
 * fields (and against today or the database) run on whatever parsed, alongside the format errors.
 * Each body below has both kinds; one post must show both, and store nothing.
 */
import { submit } from '../../fuzz/browser';
import { useTestApp } from '../../helpers/suite';
import { insertGuardian, insertPeriod } from '../guardians/guardian-factory';
import { insertMeeting, kindId, somePerson } from '../meetings/meeting-factory';
import { doneThrough, petitionIn } from '../petitions/petition-factory';
import { insertSubsidy, subsidyPerson, validBody } from '../subsidies/subsidy-factory';
import { codeId, insertPerson } from '../../helpers/factories';

const t = useTestApp(); // 2026-11-27
const staff = t.user('staff');

const errorOf = (html: string, field: string) => new RegExp(`id="${field}-error">([^<]*)</p>`).exec(html)?.[1] ?? null;
const count = async (table: string) => Number((await t.db(table).count({ n: '*' }))[0].n);

test('subsidy: a relative as guardian, an end before the start and a receipt before the court decision, with a bad amount', async () => {
  const person = await subsidyPerson(t.db);
  const before = await count('subsidies');
  const body = await validBody(t.db, {
    fee_awarded_yen: '十五万', guardian_relation_id: String(await codeId(t.db, 'guardian_relation', '子')),
    period_from: '2025-11-01', period_to: '2025-10-31', received_on: '2026-11-01', court_decided_on: '2026-11-10',
  });
  const res = await submit(staff.agent, '/subsidies/new', '/subsidies', { ...body, person_id: String(person) });
  expect(res.status).toBe(400);
  expect({
    fee: errorOf(res.text, 'fee_awarded_yen'), relation: errorOf(res.text, 'guardian_relation_id'),
    period: errorOf(res.text, 'period_to'), received: errorOf(res.text, 'received_on'),
  }).toEqual({
    fee: '報酬付与額は0以上の整数（円）で入力してください',
    relation: '後見人等が親族（子）の場合は報酬助成の対象外です。申請は受け付けられません',
    period: '対象期間の終了日は開始日以降の日付を入力してください',
    received: '受付日は報酬付与審判日以降の日付を入力してください',
  });
  expect(await count('subsidies')).toBe(before);
});

test('subsidy: a period overlapping the person\'s other application is flagged with the other mistakes', async () => {
  const person = await subsidyPerson(t.db);
  await insertSubsidy(t.db, { person_id: person, period_from: '2025-11-01', period_to: '2026-04-30' });
  const before = await count('subsidies');
  const res = await submit(staff.agent, '/subsidies/new', '/subsidies', { ...(await validBody(t.db, { guardian_name: '' })), person_id: String(person) });
  expect(res.status).toBe(400);
  expect(errorOf(res.text, 'guardian_name')).toBe('後見人等の氏名を入力してください');
  expect(res.text).toContain('対象期間が重なる申請があります。内容を確認し、重なってよい場合はチェックを入れてから保存してください');
  expect(await count('subsidies')).toBe(before);
});

test('person: a blank name and a possible duplicate (same kana and birth date) in one round', async () => {
  await insertPerson(t.db, { name: '二重 花子', name_kana: 'ニジュウ　ハナコ', birth_date: '1945-04-01' });
  const before = await count('persons');
  const res = await submit(staff.agent, '/persons/new', '/persons', { name: '', name_kana: 'にじゅう はなこ', birth_date: 'S20.4.1', phone: '12' });
  expect(res.status).toBe(400);
  expect(errorOf(res.text, 'name')).toBe('氏名を入力してください');
  expect(errorOf(res.text, 'phone')).toBe('電話番号は市外局番から10桁または11桁の数字で入力してください');
  expect(errorOf(res.text, 'confirm_distinct')).toBe('同じ人かもしれない本人が既に登録されています。同じ人でないか確認し、別人であればチェックを入れてください');
  expect(res.text).toContain('二重 花子');
  expect(await count('persons')).toBe(before);
});

test('consultation: a follow-up before the consultation and a future date, with a bad duration', async () => {
  const before = await count('consultations');
  const res = await submit(staff.agent, '/consultations/new', '/consultations', {
    consulted_on: '2026-11-20', follow_up_on: '2026-11-19', duration_minutes: '三十分', category_id: '',
  });
  expect(res.status).toBe(400);
  expect({ follow: errorOf(res.text, 'follow_up_on'), duration: errorOf(res.text, 'duration_minutes'), category: errorOf(res.text, 'category_id') }).toEqual({
    follow: 'フォローアップ日は相談日以降の日付を入力してください',
    duration: '所要時間は0〜1440の整数（分）で入力してください',
    category: '相談種別を選択してください',
  });
  expect(await count('consultations')).toBe(before);
});

test('petition record: a decision before the filing and 「その他」 without its note, with a bad case number', async () => {
  const { id } = await petitionIn(t.db, '東区');
  const res = await submit(staff.agent, `/petitions/${id}/edit`, `/petitions/${id}`, {
    case_number: '8年家123', reason: 'その他', reason_note: '', filed_on: '2026-10-10', decided_on: '2026-10-01',
  });
  expect(res.status).toBe(400);
  expect({ cn: errorOf(res.text, 'case_number'), note: errorOf(res.text, 'reason_note'), decided: errorOf(res.text, 'decided_on') }).toEqual({
    cn: '事件番号は「令和7年(家)第1234号」の形で入力してください',
    note: '理由が「その他」のときは補足を入力してください',
    decided: '審判日は申立日（令和8年10月10日）以降の日付を入力してください',
  });
  expect((await t.db('petitions').where({ id }).first()).version).toBe(1);
});

test('petition stage: 「不要」 without its reason and a date before the previous stage, with the choice missing', async () => {
  const { id } = await petitionIn(t.db, '東区', { stages: doneThrough(2, '2026-11-01') });
  const page = await staff.agent.get(`/petitions/${id}`);
  expect(page.status).toBe(200);
  const res = await submit(staff.agent, `/petitions/${id}`, `/petitions/${id}/stages`, { stage: '3', stage_status: 'maybe', stage_on: '2026-11-01', stage_note: '' });
  expect(res.status).toBe(400);
  expect({ status: errorOf(res.text, 'stage_status'), on: errorOf(res.text, 'stage_on') }).toEqual({
    status: '「完了」か「不要」を選択してください',
    on: '完了日は段階2「本人調査」の完了日（令和8年11月2日）以降の日付を入力してください',
  });
  const notNeeded = await submit(staff.agent, `/petitions/${id}`, `/petitions/${id}/stages`, { stage: '3', stage_status: 'not_needed', stage_on: '2026-11-01', stage_note: '' });
  expect({ note: errorOf(notNeeded.text, 'stage_note'), on: errorOf(notNeeded.text, 'stage_on') }).toEqual({
    note: '「不要」とする理由を入力してください',
    on: '完了日は段階2「本人調査」の完了日（令和8年11月2日）以降の日付を入力してください',
  });
  expect(await t.db('petition_stages').where({ petition_id: id })).toHaveLength(2);
});

test('meeting: a future date with a place too long', async () => {
  const before = await count('meetings');
  const res = await submit(staff.agent, '/meetings/new', '/meetings', { held_on: '2026-12-01', place: 'あ'.repeat(201) });
  expect(res.status).toBe(400);
  expect({ held: errorOf(res.text, 'held_on'), place: errorOf(res.text, 'place') }).toEqual({
    held: '開催日に未来の日付は入力できません。会議の後に登録してください',
    place: '場所は200文字以内で入力してください',
  });
  expect(await count('meetings')).toBe(before);
});

test('meeting case: sent to the court before the meeting, with a summary too long', async () => {
  const meeting = await insertMeeting(t.db, '2026-11-10');
  const person = await somePerson(t.db);
  const before = await count('meeting_cases');
  const res = await submit(staff.agent, `/meetings/${meeting}/cases/new?person_id=${person}`, `/meetings/${meeting}/cases`, {
    person_id: String(person), recommended_type_id: String(await kindId(t.db, '社会福祉士')), candidate_accepted: '未定',
    needs_summary: 'あ'.repeat(2001), sent_to_court_on: '2026-11-09',
  });
  expect(res.status).toBe(400);
  expect({ needs: errorOf(res.text, 'needs_summary'), sent: errorOf(res.text, 'sent_to_court_on') }).toEqual({
    needs: '課題の概要は2,000文字以内で入力してください',
    sent: '家庭裁判所への送付日は会議の開催日以降の日付を入力してください',
  });
  expect(await count('meeting_cases')).toBe(before);
});

test('guardians: a course day outside its 年度 with a blank title; a withdrawal before the registration with no reason', async () => {
  const days: Record<string, string> = {};
  for (let n = 1; n <= 10; n++) Object.assign(days, { [`day_${n}_on`]: `2027-05-${String(n + 10)}`, [`day_${n}_topic`]: `内容${n}` });
  const course = await submit(staff.agent, '/guardians/courses/new', '/guardians/courses', { fiscal_year: '2027', title: '', ...days, day_1_on: '2027-03-31' });
  expect(course.status).toBe(400);
  expect({ title: errorOf(course.text, 'title'), day1: errorOf(course.text, 'day_1_on') }).toEqual({
    title: '講座名を入力してください',
    day1: '第1日の日付は令和9年度（2027年度）（4月1日〜翌年3月31日）の日付を入力してください',
  });

  const g = await insertGuardian(t.db);
  await insertPeriod(t.db, g, 'bank', '2025-04-01');
  const withdraw = await submit(staff.agent, `/guardians/${g}`, `/guardians/${g}/bank/withdraw`, { withdraw_on: '2025-03-31', withdraw_reason: '' });
  expect(withdraw.status).toBe(400);
  expect({ on: errorOf(withdraw.text, 'withdraw_on'), reason: errorOf(withdraw.text, 'withdraw_reason') }).toEqual({
    on: '抹消日はバンク登録日（令和7年4月1日）以降の日付を入力してください',
    reason: '抹消の理由を入力してください',
  });
  expect((await t.db('guardian_periods').where({ guardian_id: g }).first()).ended_on).toBeNull();
});

test('guardians: a roster duplicate (same kana and birth date) with a bad e-mail address', async () => {
  await insertGuardian(t.db, { name: '名簿 太郎', kana: 'メイボ タロウ', birth: '1960-04-01' });
  const res = await submit(staff.agent, '/guardians/new', '/guardians', { name: '名簿 太郎', name_kana: 'めいぼ たろう', birth_date: 'S35.4.1', email: 'no-at' });
  expect(res.status).toBe(400);
  expect({ kana: errorOf(res.text, 'name_kana'), email: errorOf(res.text, 'email') }).toEqual({
    kana: '同じ氏名カナ・生年月日の人が既に名簿に登録されています',
    email: 'メールアドレスを「name@example.jp」の形で200文字以内で入力してください',
  });
});

test('guardians: an appointment on a day the guardian was not in the bank, with no 類型 chosen', async () => {
  const g = await insertGuardian(t.db);
  await insertPeriod(t.db, g, 'bank', '2025-04-01');
  const person = await somePerson(t.db);
  const before = await count('guardian_appointments');
  const res = await submit(staff.agent, `/guardians/${g}/appointments/new`, `/guardians/${g}/appointments`, {
    person_id: String(person), appointed_on: '2025-03-01', guardianship_type_id: '',
  });
  expect(res.status).toBe(400);
  expect({ on: errorOf(res.text, 'appointed_on'), type: errorOf(res.text, 'guardianship_type_id') }).toEqual({
    on: '選任日にバンク登録中でない人は受任を記録できません（バンク登録の記録を確認してください）',
    type: '類型を一覧から選択してください',
  });
  expect(await count('guardian_appointments')).toBe(before);
});
