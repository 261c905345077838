/**
 * The subsidy and citizen-guardian reminders on the home page. Today is 2026-11-27: an application
 * received before 2026-10-28 has waited more than 30 days; a 支援員 since 2025-11-27 has a year
 * today; a follow-up on or before 2025-11-27 is 12 months ago or more. Staff and managers see all
 * three kinds; a ward office and the administrator none of them.
 */
import { useTestApp } from '../../helpers/suite';
import { enrolDirect, insertCourse, insertGuardian, insertPeriod, insertSession, qualifiedGuardian } from '../guardians/guardian-factory';
import { insertSubsidy, subsidyPerson } from '../subsidies/subsidy-factory';

const t = useTestApp();
const staff = t.user('staff');
const manager = t.user('manager');
const ward = t.user('ward', { ward: '東区' });
const admin = t.user('admin');

const ids = { subsidies: [] as number[], ready: [] as number[], lapsed: [] as number[], notDue: { subsidies: [] as number[], guardians: [] as number[] } };

beforeAll(async () => {
  // subsidies: 87, 57 and 31 days waiting are due, oldest first; 30 days, decided and deleted are not
  const person = await subsidyPerson(t.db);
  const s = (v: Parameters<typeof insertSubsidy>[1]) => insertSubsidy(t.db, v);
  const noDate = await s({ person_id: person, values: { received_on: null, created_at: new Date('2026-09-01T03:00:00Z') } });
  ids.subsidies.push(noDate, await s({ person_id: person, values: { received_on: '2026-10-01' } }),
    await s({ person_id: person, status: '審査', values: { received_on: '2026-10-27' } }));
  ids.notDue.subsidies.push(
    await s({ person_id: person, values: { received_on: '2026-10-28' } }),
    await s({ person_id: person, status: '決定', values: { received_on: '2026-09-01' } }),
    await s({ person_id: person, status: '審査', deleted: true, values: { received_on: '2026-09-01', deleted_reason: '重複' } }),
  );

  // bank-ready: met since 2024-04-01 (a year as 支援員), and since today (the year reached today)
  ids.ready.push(await qualifiedGuardian(t.db));
  const course = (await insertCourse(t.db, 2024, 0)).id;
  const trainee = async (activity: string | null, completed: string | null, followup: string | null) => {
    const id = await insertGuardian(t.db, { activity });
    await enrolDirect(t.db, course, id, completed);
    if (followup) await insertSession(t.db, followup, `研修${id}`, [id]);
    return id;
  };
  ids.ready.push(await trainee('2025-11-27', '2025-03-01', '2025-06-01'));
  ids.notDue.guardians.push(
    await trainee('2025-11-28', '2025-03-01', '2025-06-01'), // a year only tomorrow
    await trainee('2023-04-01', '2025-03-01', null), // no follow-up
    await trainee('2023-04-01', '2025-03-01', '2026-12-10'), // a follow-up only in the future
    await trainee('2023-04-01', null, '2025-06-01'), // not completed
  );

  // bank registrants: never attended, last 2024-01-20, last exactly a year ago are due (in that order);
  // one this year, one last attended 2025-11-28, and a withdrawn one are not
  const registrant = async (followups: string[], until: string | null = null) => {
    const id = await qualifiedGuardian(t.db);
    await t.db('guardian_followup_attendance').where({ guardian_id: id }).del();
    for (const on of followups) await insertSession(t.db, on, `研修${id}-${on}`, [id]);
    await insertPeriod(t.db, id, 'bank', '2024-05-01', until);
    return id;
  };
  ids.lapsed.push(await registrant([]), await registrant(['2023-06-01', '2024-01-20']), await registrant(['2025-11-27']));
  ids.notDue.guardians.push(await registrant(['2024-01-20', '2026-06-01']), await registrant(['2025-11-28']), await registrant(['2024-01-20'], '2025-03-31'));
});

/** The reminders section of a home page ('' when there is none). */
function remindersOf(html: string): string {
  const start = html.indexOf('<section class="reminders"');
  if (start < 0) return '';
  const ends = ['<ul class="menu-cards">', '<h2>'].map((m) => html.indexOf(m, start)).filter((i) => i > 0);
  return html.slice(start, Math.min(...ends));
}
/** The record ids linked from one kind's group, in order. */
function group(section: string, kind: string, path: string): number[] {
  const start = section.indexOf(`id="reminder-${kind}"`);
  if (start < 0) return [];
  const end = section.indexOf('<section class="reminder-group"', start);
  const body = section.slice(start, end < 0 ? undefined : end);
  return [...body.matchAll(new RegExp(`href="/${path}/(\\d+)"`, 'g'))].map((m) => Number(m[1]));
}

test('staff: subsidies waiting more than 30 days, longest first, dated from 受付 (or creation)', async () => {
  const section = remindersOf((await staff.agent.get('/')).text);
  expect(section).toContain('決定を待って30日を超えた報酬助成の申請（3件）');
  expect(group(section, 'subsidy-waiting', 'subsidies')).toEqual(ids.subsidies);
  expect(section).toContain(`報酬助成 番号 ${ids.subsidies[0]}（東区）受付`);
  expect(section).toContain('令和8年9月1日から87日');
  expect(section).toContain(`報酬助成 番号 ${ids.subsidies[2]}（東区）審査`);
  expect(section).toContain('令和8年10月27日から31日');
});

test('staff: trainees who meet the bank conditions and are not registered, longest met first', async () => {
  const section = remindersOf((await staff.agent.get('/')).text);
  expect(section).toContain('バンク登録の条件を満たした受講者（2件）');
  expect(group(section, 'guardian-bank-ready', 'guardians')).toEqual(ids.ready);
  expect(section).toContain('令和6年4月1日から970日');
  expect(section).toContain('令和8年11月27日から0日');
});

test('staff: bank registrants with no follow-up in 12 months, those never attended first', async () => {
  const section = remindersOf((await staff.agent.get('/')).text);
  expect(section).toContain('12か月以上フォローアップ研修を受講していないバンク登録者（3件）');
  expect(group(section, 'guardian-bank-followup', 'guardians')).toEqual(ids.lapsed);
  expect(section).toContain(`市民後見人 番号 ${ids.lapsed[0]}：フォローアップ研修の受講記録なし`);
  expect(section).toContain('令和6年1月20日から1042日');
  expect(section).toContain('令和7年11月27日から365日');
});

test('none of the records that are not due is linked; no person is named', async () => {
  const section = remindersOf((await staff.agent.get('/')).text);
  for (const id of ids.notDue.subsidies) expect(section).not.toContain(`/subsidies/${id}"`);
  for (const id of ids.notDue.guardians) expect(section).not.toContain(`/guardians/${id}"`);
  expect(section).not.toMatch(/市民 太郎|助成 花子|後見 一郎/);
});

test('manager: the same three kinds', async () => {
  const section = remindersOf((await manager.agent.get('/')).text);
  expect(group(section, 'subsidy-waiting', 'subsidies')).toEqual(ids.subsidies);
  expect(group(section, 'guardian-bank-ready', 'guardians')).toEqual(ids.ready);
  expect(group(section, 'guardian-bank-followup', 'guardians')).toEqual(ids.lapsed);
});

test('a ward office and the administrator: none of them', async () => {
  for (const u of [ward, admin]) {
    const html = (await u.agent.get('/')).text;
    expect(html).not.toMatch(/reminder-(subsidy|guardian)-/);
    expect(html).not.toMatch(/href="\/(subsidies|guardians)\/\d+"/);
  }
});

test('registering, attending a session or deciding takes a record off at once (computed, not stored)', async () => {
  const bank = await insertPeriod(t.db, ids.ready[0], 'bank', '2026-11-26');
  const session = await insertSession(t.db, '2026-11-20', '研修（追加）', [ids.lapsed[1]]);
  await t.db('subsidies').where({ id: ids.subsidies[1] }).update({ status: '決定', decision: '承認', decided_on: '2026-11-26', decision_number: '熊健福第9号' });
  try {
    const section = remindersOf((await staff.agent.get('/')).text);
    expect(group(section, 'guardian-bank-ready', 'guardians')).toEqual([ids.ready[1]]);
    expect(group(section, 'guardian-bank-followup', 'guardians')).toEqual([ids.lapsed[0], ids.ready[0], ids.lapsed[2]]);
    expect(group(section, 'subsidy-waiting', 'subsidies')).toEqual([ids.subsidies[0], ids.subsidies[2]]);
  } finally {
    await t.db('guardian_periods').where({ id: bank }).del();
    await t.db('guardian_followup_sessions').where({ id: session }).del();
    await t.db('subsidies').where({ id: ids.subsidies[1] }).update({ status: '受付', decision: null, decided_on: null, decision_number: null });
  }
});
