/**
 * Issue 13 S6: the same new record sent several times at once (two people, two tabs). The
 * check before the insert sees nothing for each of them; the database's unique index stops all
 * but one. Those must come back as the form's own field error, with the values kept: never a 500.
 * The races are real requests in parallel; on PostgreSQL the same moment is also made certain by
 * holding the other insert uncommitted while the request runs.
 */
import { Response } from 'supertest';
import { Knex } from 'knex';
import { openForm, send } from '../fuzz/browser';
import { Agent } from '../helpers/agent';
import { useTestApp } from '../helpers/suite';
import { USER_MESSAGES } from '../../src/features/admin/users-schema';
import { MASTER_MESSAGES } from '../../src/features/admin/masters-schema';
import { FOLLOWUP_MESSAGES } from '../../src/features/guardians/followups/followups-schema';
import { COURSE_MESSAGES } from '../../src/features/guardians/courses/courses-schema';
import { fiscalYearLabel } from '../../src/lib/dates';
import { insertSession } from '../features/guardians/guardian-factory';

const t = useTestApp();
const admin = t.user('admin');
const staff = t.user('staff');
/** How many submissions race. */
const N = 6;

/** Opens the form N times (each with its own one-time token), then sends them all at once. */
async function race(agent: Agent, page: string, action: string, changes: Record<string, string>): Promise<Response[]> {
  const forms = [];
  for (let i = 0; i < N; i++) forms.push(await openForm(agent, page, action, changes));
  return Promise.all(forms.map((pairs) => send(agent, action, pairs)));
}

/** One saved (303); every other answer is the form again, the message in the field's error text, the value still in the field. */
function expectOneSaved(responses: Response[], errorHtml: string, keptHtml: string): void {
  expect(responses.map((r) => r.status).sort()).toEqual([303, ...Array<number>(N - 1).fill(400)]);
  for (const r of responses.filter((x) => x.status === 400)) {
    expect(r.text).toContain(errorHtml);
    expect(r.text).toContain(keptHtml);
  }
}

test('user accounts: one created, the others told the name is taken next to the field', async () => {
  const responses = await race(admin.agent, '/admin/users/new', '/admin/users', { username: 'race.user', display_name: '競争 太郎', role: 'staff' });
  expectOneSaved(responses, `<p class="error-text" id="username-error">${USER_MESSAGES.usernameTaken}</p>`, 'value="race.user"');
  expect(await t.db('users').whereRaw('lower(username) = ?', ['race.user'])).toHaveLength(1);
  expect(await t.db('audit_log').where({ action: 'user.create' })).toHaveLength(1);
});

test('follow-up sessions: one created, the others told the date and name are taken', async () => {
  const responses = await race(staff.agent, '/guardians/followups/new', '/guardians/followups', { held_on: '2024-07-01', title: '同時 研修' });
  expectOneSaved(responses, `<p class="error-text" id="title-error">${FOLLOWUP_MESSAGES.taken}</p>`, 'value="同時 研修"');
  expect(await t.db('guardian_followup_sessions').where({ title: '同時 研修' })).toHaveLength(1);
});

test('follow-up sessions renamed at once to the same date and name: one saved, the other told', async () => {
  const ids = [await insertSession(t.db, '2024-08-01', '名前 一'), await insertSession(t.db, '2024-08-01', '名前 二')];
  const forms = [];
  for (const id of ids) forms.push(await openForm(staff.agent, `/guardians/followups/${id}`, `/guardians/followups/${id}`, { title: '同じ 名前' }));
  const responses = await Promise.all(forms.map((pairs, i) => send(staff.agent, `/guardians/followups/${ids[i]}`, pairs)));
  expect(responses.map((r) => r.status).sort()).toEqual([303, 400]);
  expect(responses.find((r) => r.status === 400)!.text).toContain(FOLLOWUP_MESSAGES.taken);
  expect(await t.db('guardian_followup_sessions').where({ title: '同じ 名前' })).toHaveLength(1);
});

test('master data (wards): one added, the others told the name exists', async () => {
  const responses = await race(admin.agent, '/admin/masters/wards', '/admin/masters/wards', { name: '同時区' });
  expectOneSaved(responses, MASTER_MESSAGES.nameTaken, 'value="同時区"');
  expect(await t.db('wards').where({ name: '同時区' })).toHaveLength(1);
});

/** The ten days of a course in May of FY `fy`. */
const courseDays = (fy: number) => Object.fromEntries(Array.from({ length: 10 }, (_, i) => [
  [`day_${i + 1}_on`, `${fy}-05-${String(i + 11)}`], [`day_${i + 1}_topic`, `内容${i + 1}`],
]).flat());

test('training courses: one per fiscal year, the others told the year has one', async () => {
  const responses = await race(staff.agent, '/guardians/courses/new', '/guardians/courses', { fiscal_year: '2023', title: '同時 講座', ...courseDays(2023) });
  expectOneSaved(responses, `<p class="error-text" id="fiscal_year-error">${COURSE_MESSAGES.fiscalYearTaken(fiscalYearLabel(2023))}</p>`, 'value="同時 講座"');
  expect(await t.db('guardian_courses').where({ fiscal_year: 2023 })).toHaveLength(1);
});

/**
 * PostgreSQL only (PGlite has one connection: a held transaction would stop the app). The other
 * insert is made and left uncommitted; the request's check cannot see it, its insert waits on the
 * unique index; the other commits, and the request's insert fails as in a real race.
 */
const onPostgres = process.env.TEST_DATABASE_URL ? describe : describe.skip;
onPostgres('the same key committed by another while the request waits (PostgreSQL)', () => {
  /** Sends `pairs` while `row` is inserted into `table` by another transaction, committed once the request waits on it. */
  async function whileHeld(table: string, row: Record<string, unknown>, agent: Agent, action: string, pairs: [string, string][]): Promise<Response> {
    const other: Knex.Transaction = await t.db.transaction();
    await other(table).insert(row);
    const sent = send(agent, action, pairs).then((r) => r);
    const waiting = async () => Number((await t.db.raw(
      "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
    )).rows[0].n) > 0;
    for (let i = 0; i < 200 && !(await waiting()); i++) await new Promise((r) => setTimeout(r, 25));
    expect(await waiting()).toBe(true);
    await other.commit();
    return sent;
  }

  test('user accounts', async () => {
    const pairs = await openForm(admin.agent, '/admin/users/new', '/admin/users', { username: 'held.user', display_name: '保留 太郎', role: 'staff' });
    const res = await whileHeld('users', { username: 'held.user', display_name: '先 太郎', role: 'staff', password_hash: 'x' }, admin.agent, '/admin/users', pairs);
    expect([res.status, res.text.includes(USER_MESSAGES.usernameTaken), res.text.includes('value="保留 太郎"')]).toEqual([400, true, true]);
  });

  test('follow-up sessions', async () => {
    const pairs = await openForm(staff.agent, '/guardians/followups/new', '/guardians/followups', { held_on: '2024-09-01', title: '保留 研修' });
    const res = await whileHeld('guardian_followup_sessions', { held_on: '2024-09-01', title: '保留 研修' }, staff.agent, '/guardians/followups', pairs);
    expect([res.status, res.text.includes(FOLLOWUP_MESSAGES.taken), res.text.includes('value="保留 研修"')]).toEqual([400, true, true]);
  });

  test('master data (wards)', async () => {
    const pairs = await openForm(admin.agent, '/admin/masters/wards', '/admin/masters/wards', { name: '保留区' });
    const res = await whileHeld('wards', { name: '保留区', sort_order: 99 }, admin.agent, '/admin/masters/wards', pairs);
    expect([res.status, res.text.includes(MASTER_MESSAGES.nameTaken), res.text.includes('value="保留区"')]).toEqual([400, true, true]);
  });

  test('training courses', async () => {
    const pairs = await openForm(staff.agent, '/guardians/courses/new', '/guardians/courses', { fiscal_year: '2022', title: '保留 講座', ...courseDays(2022) });
    const res = await whileHeld('guardian_courses', { fiscal_year: 2022, title: '先の講座' }, staff.agent, '/guardians/courses', pairs);
    expect([res.status, res.text.includes(COURSE_MESSAGES.fiscalYearTaken(fiscalYearLabel(2022)))]).toEqual([400, true]);
  });
});
