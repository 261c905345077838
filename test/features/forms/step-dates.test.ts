/**
 * Issue 14 item 1: every dated step of every workflow refuses a date before the step it follows,
 * with the rule in the message — subsidy 受付→決定→支払, petition stages and the record's stage
 * dates, meeting → court, course → completion → bank → 受任. Through the routes; nothing stored.
 */
import { submit } from '../../fuzz/browser';
import { useTestApp } from '../../helpers/suite';
import { enrolDirect, insertCourse, insertGuardian, insertPeriod, insertSession } from '../guardians/guardian-factory';
import { insertCase, insertMeeting, kindId, somePerson } from '../meetings/meeting-factory';
import { doneThrough, petitionIn } from '../petitions/petition-factory';
import { insertSubsidy, subsidyPerson, validBody } from '../subsidies/subsidy-factory';

const t = useTestApp(); // 2026-11-27
const staff = t.user('staff');
const manager = t.user('manager');

const errorOf = (html: string, field: string) => new RegExp(`id="${field}-error">([^<]*)</p>`).exec(html)?.[1] ?? null;

describe('subsidy: 受付 → 決定 → 支払', () => {
  test('a decision dated before the receipt is refused with the rule (the issue: received 2026-10-15, decided R7.10.1)', async () => {
    const id = await insertSubsidy(t.db, { person_id: await subsidyPerson(t.db), status: '審査', values: { received_on: '2026-10-15', court_decided_on: '2025-09-01' } });
    const res = await submit(manager.agent, `/subsidies/${id}`, `/subsidies/${id}/decision`, { decision: '承認', decided_on: 'R7.10.1', decision_number: '熊健福第9号' });
    expect(res.status).toBe(400);
    expect(errorOf(res.text, 'decided_on')).toBe('決定日は受付日以降の日付を入力してください');
    expect(await t.db('subsidies').where({ id }).first()).toMatchObject({ status: '審査', decided_on: null, version: 1 });
    const sameDay = await submit(manager.agent, `/subsidies/${id}`, `/subsidies/${id}/decision`, { decision: '承認', decided_on: '2026-10-15', decision_number: '熊健福第9号' });
    expect(sameDay.status).toBe(303);
  });

  test('an application received before the court\'s fee decision is refused with the rule', async () => {
    const person = await subsidyPerson(t.db);
    const res = await submit(staff.agent, '/subsidies/new', '/subsidies', { ...(await validBody(t.db, { received_on: '2026-11-09', court_decided_on: '2026-11-10' })), person_id: String(person) });
    expect(res.status).toBe(400);
    expect(errorOf(res.text, 'received_on')).toBe('受付日は報酬付与審判日以降の日付を入力してください');
    expect(await t.db('subsidies').where({ person_id: person })).toHaveLength(0);
  });

  test('a payment dated before the decision is refused with the rule', async () => {
    const id = await insertSubsidy(t.db, { person_id: await subsidyPerson(t.db), status: '決定', decision: '承認', decided_on: '2026-11-01' });
    const res = await submit(staff.agent, `/subsidies/${id}`, `/subsidies/${id}/payment`, { paid_on: '2026-10-31', payee: '後見 一郎' });
    expect(res.status).toBe(400);
    expect(errorOf(res.text, 'paid_on')).toBe('支払日は決定日以降の日付を入力してください');
  });
});

describe('petition stages and the record\'s stage dates', () => {
  const recordStage = (id: number, stage: number, on: string) =>
    submit(staff.agent, `/petitions/${id}`, `/petitions/${id}/stages`, { stage: String(stage), stage_status: 'done', stage_on: on, stage_note: '' });

  test('a stage before the previous stage\'s completion names that stage and its date', async () => {
    const { id } = await petitionIn(t.db, '東区', { stages: doneThrough(3, '2026-11-01') });
    const res = await recordStage(id, 4, '2026-11-02');
    expect(res.status).toBe(400);
    expect(errorOf(res.text, 'stage_on')).toBe('完了日は段階3「親族調査」の完了日（令和8年11月3日）以降の日付を入力してください');
    expect(await t.db('petition_stages').where({ petition_id: id })).toHaveLength(3);
  });

  test('a stage before a date the record already holds for an earlier step (決裁日) is refused too', async () => {
    const { id } = await petitionIn(t.db, '東区', { stages: doneThrough(7, '2026-10-01') });
    await t.db('petitions').where({ id }).update({ approved_on: '2026-11-05' });
    const res = await recordStage(id, 8, '2026-11-01');
    expect(res.status).toBe(400);
    expect(errorOf(res.text, 'stage_on')).toBe('完了日は決裁日（令和8年11月5日）以降の日付を入力してください');
    expect(await t.db('petition_stages').where({ petition_id: id, stage: 8 })).toHaveLength(0);
  });

  test('closing (取下げ) before the latest stage is refused with the rule', async () => {
    const { id } = await petitionIn(t.db, '東区', { stages: doneThrough(2, '2026-11-01') });
    const res = await submit(staff.agent, `/petitions/${id}`, `/petitions/${id}/stages`, { stage: '12', close_kind: '取下げ', close_on: '2026-11-01', close_reason: '本人死亡' });
    expect(res.status).toBe(400);
    expect(errorOf(res.text, 'close_on')).toBe('終結日は段階2「本人調査」の完了日（令和8年11月2日）以降の日付を入力してください');
  });

  test.each([
    [{ approved_on: '2026-10-10', filed_on: '2026-10-09' }, 'filed_on', '申立日は決裁日（令和8年10月10日）以降の日付を入力してください'],
    [{ filed_on: '2026-10-10', decided_on: '2026-10-09' }, 'decided_on', '審判日は申立日（令和8年10月10日）以降の日付を入力してください'],
    [{ decided_on: '2026-10-10', finalized_on: '2026-10-09' }, 'finalized_on', '確定日は審判日（令和8年10月10日）以降の日付を入力してください'],
    [{ decided_on: '2026-10-01', finalized_on: '2026-10-20', registered_on: '2026-10-15' }, 'registered_on', '登記日は確定日（令和8年10月20日）以降の日付を入力してください'],
  ])('the record form: %j → %s', async (dates, field, message) => {
    const { id } = await petitionIn(t.db, '東区');
    const res = await submit(staff.agent, `/petitions/${id}/edit`, `/petitions/${id}`, dates);
    expect(res.status).toBe(400);
    expect(errorOf(res.text, field)).toBe(message);
    expect((await t.db('petitions').where({ id }).first()).version).toBe(1);
  });

  test('the record form: 申立日 before the recorded 決裁 stage', async () => {
    const { id } = await petitionIn(t.db, '東区', { stages: doneThrough(7, '2026-10-01') });
    const res = await submit(staff.agent, `/petitions/${id}/edit`, `/petitions/${id}`, { filed_on: '2026-10-06' });
    expect(res.status).toBe(400);
    expect(errorOf(res.text, 'filed_on')).toBe('申立日は段階7「決裁」の完了日（令和8年10月7日）以降の日付を入力してください');
  });
});

describe('meeting → court', () => {
  test('sent to the court before the meeting is refused (a new case)', async () => {
    const meeting = await insertMeeting(t.db, '2026-11-10');
    const person = await somePerson(t.db);
    const res = await submit(staff.agent, `/meetings/${meeting}/cases/new`, `/meetings/${meeting}/cases`, {
      person_id: String(person), recommended_type_id: String(await kindId(t.db, '弁護士')), candidate_accepted: '未定', sent_to_court_on: '2026-11-09',
    });
    expect(res.status).toBe(400);
    expect(errorOf(res.text, 'sent_to_court_on')).toBe('家庭裁判所への送付日は会議の開催日以降の日付を入力してください');
  });

  test('the meeting cannot be moved after a day one of its cases was sent to the court', async () => {
    const meeting = await insertMeeting(t.db, '2026-11-10');
    const c = await insertCase(t.db, meeting, { person_id: await somePerson(t.db), recommended: await kindId(t.db, '弁護士') });
    await t.db('meeting_cases').where({ id: c }).update({ sent_to_court_on: '2026-11-12' });
    const res = await submit(staff.agent, `/meetings/${meeting}/edit`, `/meetings/${meeting}`, { held_on: '2026-11-13' });
    expect(res.status).toBe(400);
    expect(errorOf(res.text, 'held_on')).toBe('開催日は、この会議の検討案件を家庭裁判所へ送付した日（令和8年11月12日）以前の日付を入力してください');
    expect((await t.db('meetings').where({ id: meeting }).first()).held_on).toBe('2026-11-10');
    const sameDay = await submit(staff.agent, `/meetings/${meeting}/edit`, `/meetings/${meeting}`, { held_on: '2026-11-12' });
    expect(sameDay.status).toBe(303);
  });
});

describe('course → completion → bank → 受任', () => {
  const days = (fy: number, changes: Record<string, string> = {}) => {
    const out: Record<string, string> = {};
    for (let n = 1; n <= 10; n++) Object.assign(out, { [`day_${n}_on`]: `${fy}-06-${String(n + 10)}`, [`day_${n}_topic`]: `内容${n}` });
    return { ...out, ...changes };
  };

  test('a course day before the day it follows is refused with the rule', async () => {
    const res = await submit(staff.agent, '/guardians/courses/new', '/guardians/courses', { fiscal_year: '2024', title: '講座', ...days(2024, { day_3_on: '2024-06-11' }) });
    expect(res.status).toBe(400);
    expect(errorOf(res.text, 'day_3_on')).toBe('第3日の日付は第2日（令和6年6月12日）以降の日付を入力してください');
    expect(await t.db('guardian_courses').where({ fiscal_year: 2024 })).toHaveLength(0);
  });

  test('once a completion is recorded, the course days cannot move after it', async () => {
    const course = await insertCourse(t.db, 2023);
    await enrolDirect(t.db, course.id, await insertGuardian(t.db), '2023-07-01');
    const res = await submit(staff.agent, `/guardians/courses/${course.id}/edit`, `/guardians/courses/${course.id}`, { day_10_on: '2023-07-02' });
    expect(res.status).toBe(400);
    expect(errorOf(res.text, 'day_10_on')).toContain('第10日の日付は、この講座の修了日（令和5年7月1日）以前の日付を入力してください');
  });

  test('a bank registration before the completion says the rule among the conditions', async () => {
    const g = await insertGuardian(t.db, { activity: '2022-04-01' });
    await enrolDirect(t.db, (await insertCourse(t.db, 2021, 0)).id, g, '2024-05-01');
    await insertSession(t.db, '2024-01-20', '研修 登録前', [g]);
    const res = await submit(staff.agent, `/guardians/${g}`, `/guardians/${g}/bank`, { bank_on: '2024-04-01' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('バンク登録日は養成講座の修了日（令和6年5月1日）以降の日付を入力してください');
    expect(await t.db('guardian_periods').where({ guardian_id: g })).toHaveLength(0);
  });

  test('a 協力員 end (like a withdrawal) before its start names the start', async () => {
    const g = await insertGuardian(t.db);
    await insertPeriod(t.db, g, 'bank', '2025-04-01');
    await insertPeriod(t.db, g, 'cooperator', '2025-06-01');
    const end = await submit(staff.agent, `/guardians/${g}`, `/guardians/${g}/cooperator/end`, { coop_end_on: '2025-05-31' });
    expect(end.status).toBe(400);
    expect(errorOf(end.text, 'coop_end_on')).toBe('協力員の終了日は協力員の開始日（令和7年6月1日）以降の日付を入力してください');
  });
});
