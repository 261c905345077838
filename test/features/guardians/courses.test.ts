import { openForm, send, submit } from '../../fuzz/browser';
import { useTestApp } from '../../helpers/suite';
import { COMPLETION_MESSAGES, dayName, COURSE_MESSAGES } from '../../../src/features/guardians/courses/courses-schema';
import { enrolDirect, insertCourse, insertGuardian } from './guardian-factory';

const t = useTestApp();
const staff = t.user('staff');
const manager = t.user('manager');

/** The ten days of a course form, in FY `fy`: 5/1, 5/8 … */
function dayFields(fy: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (let n = 1; n <= 10; n++) {
    out[`day_${n}_on`] = new Date(Date.UTC(fy, 4, 1 + (n - 1) * 7)).toISOString().slice(0, 10);
    out[`day_${n}_topic`] = `内容${n}`;
  }
  return out;
}

test('a cohort per fiscal year with its ten days: created, shown, a second one for the year refused', async () => {
  const res = await submit(staff.agent, '/guardians/courses/new', '/guardians/courses', { fiscal_year: '2025', title: '市民後見人養成講座', ...dayFields(2025) });
  expect(res.status).toBe(303);
  const id = Number(res.headers.location.split('/').pop());
  expect(await t.db('guardian_course_days').where({ course_id: id }).orderBy('day_no').pluck('held_on')).toHaveLength(10);
  const page = await manager.agent.get(`/guardians/courses/${id}`);
  expect(page.status).toBe(200);
  expect(page.text).toContain('令和7年5月1日');
  expect(page.text).not.toContain(`action="/guardians/courses/${id}/attendance"`);
  const again = await submit(staff.agent, '/guardians/courses/new', '/guardians/courses', { fiscal_year: '2025', title: '二つ目', ...dayFields(2025) });
  expect(again.status).toBe(400);
  expect(again.text).toContain(COURSE_MESSAGES.fiscalYearTaken('令和7年度（2025年度）'));
  expect(await t.db('guardian_courses').where({ fiscal_year: 2025 })).toHaveLength(1);
});

test('every day is required and must fall in the fiscal year', async () => {
  const before = Number((await t.db('guardian_courses').count({ n: '*' }))[0].n);
  const missing = await submit(staff.agent, '/guardians/courses/new', '/guardians/courses', { fiscal_year: '2024', title: '講座', ...dayFields(2024), day_3_on: '', day_7_topic: '' });
  expect(missing.status).toBe(400);
  expect(missing.text).toContain('第3日の日付を入力してください');
  expect(missing.text).toContain('第7日の内容を入力してください');
  const outside = await submit(staff.agent, '/guardians/courses/new', '/guardians/courses', { fiscal_year: '2024', title: '講座', ...dayFields(2024), day_10_on: '2025-04-01' });
  expect(outside.status).toBe(400);
  expect(outside.text).toContain(COURSE_MESSAGES.dayOutside(10, 2024));
  expect(Number((await t.db('guardian_courses').count({ n: '*' }))[0].n)).toBe(before);
});

/** Marks a trainee's ten days through the grid form as a browser sends it. */
async function markDays(courseId: number, enrolmentId: number, dayIds: number[], marks: string[]) {
  const changes = Object.fromEntries(dayIds.map((d, i) => [`att_${enrolmentId}_${d}`, marks[i]]));
  return submit(staff.agent, `/guardians/courses/${courseId}`, `/guardians/courses/${courseId}/attendance`, changes);
}

test('completion with a made-up day: nine 出席 and one 補講 completes; the date and audit recorded', async () => {
  const course = await insertCourse(t.db, 2023);
  const g = await insertGuardian(t.db, { name: '補講 花子', kana: 'ホコウ ハナコ' });
  const enrolled = await submit(staff.agent, `/guardians/courses/${course.id}`, `/guardians/courses/${course.id}/enrolments`, { guardian_id: String(g) });
  expect(enrolled.status).toBe(303);
  const e = (await t.db('guardian_course_enrolments').where({ course_id: course.id, guardian_id: g }).first()).id;
  const marks = ['出席', '出席', '出席', '補講', '出席', '出席', '出席', '出席', '出席', '出席'];
  expect((await markDays(course.id, e, course.dayIds, marks)).status).toBe(303);
  expect(await t.db('guardian_course_attendance').where({ enrolment_id: e, status: '補講' })).toHaveLength(1);
  const res = await submit(staff.agent, `/guardians/courses/${course.id}/enrolments/${e}/complete`, `/guardians/courses/${course.id}/enrolments/${e}/complete`, { completed_on: course.lastDay });
  expect(res.status).toBe(303);
  expect(await t.db('guardian_course_enrolments').where({ id: e }).first()).toMatchObject({ completed_on: course.lastDay, completion_basis: 'attendance', version: 2 });
  expect(await t.db('audit_log').where({ action: 'course.complete', record_type: 'citizen_guardian', record_id: String(g) })).toHaveLength(1);
  expect((await staff.agent.get(`/guardians/${g}`)).text).toContain('<strong>修了</strong>');
  // a completed trainee's attendance is no longer in the grid
  expect((await staff.agent.get(`/guardians/courses/${course.id}`)).text).not.toContain(`name="att_${e}_`);
});

test('completion refused with the missing days listed (欠席 and unrecorded), nothing stored', async () => {
  const course = await insertCourse(t.db, 2022);
  const g = await insertGuardian(t.db, { name: '欠席 次郎', kana: 'ケッセキ ジロウ' });
  const e = await enrolDirect(t.db, course.id, g);
  const marks = ['出席', '欠席', '出席', '出席', '補講', '出席', '', '出席', '出席', '出席'];
  expect((await markDays(course.id, e, course.dayIds, marks)).status).toBe(303);
  const days = await t.db('guardian_course_days').where({ course_id: course.id }).orderBy('day_no');
  const page = `/guardians/courses/${course.id}/enrolments/${e}/complete`;
  const res = await submit(staff.agent, page, page, { completed_on: course.lastDay });
  expect(res.status).toBe(400);
  const expected = COMPLETION_MESSAGES.missing([dayName(days[1]), dayName(days[6])]);
  expect(res.text).toContain(`<p class="error-text" id="completed_on-error">${expected}</p>`);
  expect((await t.db('guardian_course_enrolments').where({ id: e }).first()).completed_on).toBeNull();
  // once the absent day is made up and the missing one attended, it completes
  expect((await markDays(course.id, e, [course.dayIds[1], course.dayIds[6]], ['補講', '出席'])).status).toBe(303);
  expect((await submit(staff.agent, page, page, { completed_on: course.lastDay })).status).toBe(303);
});

test('completion before the last day, or for a course without its days, is refused', async () => {
  const course = await insertCourse(t.db, 2021);
  const g = await insertGuardian(t.db);
  const e = await enrolDirect(t.db, course.id, g);
  expect((await markDays(course.id, e, course.dayIds, Array(10).fill('出席'))).status).toBe(303);
  const page = `/guardians/courses/${course.id}/enrolments/${e}/complete`;
  const early = await submit(staff.agent, page, page, { completed_on: '2021-04-10' });
  expect(early.status).toBe(400);
  expect(early.text).toContain('修了日は講座の最終日');
  const bare = await insertCourse(t.db, 2020, 0);
  const e2 = await enrolDirect(t.db, bare.id, g);
  const page2 = `/guardians/courses/${bare.id}/enrolments/${e2}/complete`;
  const res = await submit(staff.agent, page2, page2, { completed_on: '2021-03-01' });
  expect(res.status).toBe(400);
  expect(res.text).toContain(COMPLETION_MESSAGES.daysNotSet);
});

test('a bad attendance value is refused with 400; a stale grid gets the conflict page; nothing stored', async () => {
  const course = await insertCourse(t.db, 2019);
  const g = await insertGuardian(t.db, { name: '競合 三郎', kana: 'キョウゴウ サブロウ' });
  const e = await enrolDirect(t.db, course.id, g);
  const bad = await markDays(course.id, e, course.dayIds.slice(0, 1), ['遅刻']);
  expect(bad.status).toBe(400);
  expect(bad.text).toContain('出欠は「出席」「欠席」「補講」から選択してください');
  const pairs = await openForm(staff.agent, `/guardians/courses/${course.id}`, `/guardians/courses/${course.id}/attendance`, { [`att_${e}_${course.dayIds[0]}`]: '出席' });
  await t.db('guardian_courses').where({ id: course.id }).increment('version', 1);
  const stale = await send(staff.agent, `/guardians/courses/${course.id}/attendance`, pairs);
  expect(stale.status).toBe(409);
  expect(stale.text).toContain('競合 三郎 第1日');
  expect(await t.db('guardian_course_attendance').where({ enrolment_id: e })).toEqual([]);
});

test('editing the days keeps the attendance recorded against them', async () => {
  const course = await insertCourse(t.db, 2018);
  const e = await enrolDirect(t.db, course.id, await insertGuardian(t.db));
  await t.db('guardian_course_attendance').insert({ enrolment_id: e, day_id: course.dayIds[0], status: '出席' });
  const res = await submit(staff.agent, `/guardians/courses/${course.id}/edit`, `/guardians/courses/${course.id}`, { day_1_topic: '変更した内容' });
  expect(res.status).toBe(303);
  expect((await t.db('guardian_course_days').where({ id: course.dayIds[0] }).first()).topic).toBe('変更した内容');
  expect(await t.db('guardian_course_attendance').where({ enrolment_id: e })).toHaveLength(1);
});
