/**
 * The person timeline files every programme's entry under its business date, never the day the
 * record was typed in: everything below is typed in on 令和8年12月8日, with its work done on
 * other days (issue 14, item 7).
 */
import { Knex } from 'knex';
import { useTestApp } from '../../helpers/suite';
import { insertPetition } from '../petitions/petition-factory';
import { insertSubsidy } from '../subsidies/subsidy-factory';
import { insertCase, insertMeeting, kindId } from '../meetings/meeting-factory';
import { insertAppointment, insertGuardian } from '../guardians/guardian-factory';
import { insertConsultation, insertPerson, wardId } from '../../helpers/factories';

const t = useTestApp(new Date('2026-12-08T15:00:00+09:00'));
const staff = t.user('staff');

/** The day the records were typed in, and its 和暦 (the defect showed this for a petition). */
const TYPED = new Date('2026-12-08T10:00:00+09:00');
const TYPED_WAREKI = '令和8年12月8日';

const typedToday = (db: Knex, table: string, id: number) => db(table).where({ id }).update({ created_at: TYPED, updated_at: TYPED });

/** The rows of the timeline table: [date, kind, summary] as the page shows them. */
function timelineRows(html: string): string[][] {
  const table = html.match(/<table[^>]*>\s*<caption>経過[\s\S]*?<\/table>/)?.[0] ?? '';
  const body = table.match(/<tbody>([\s\S]*?)<\/tbody>/)?.[1] ?? '';
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1].matchAll(/<td>([\s\S]*?)<\/td>/g)].map((cell) => cell[1].replace(/<[^>]+>/g, '').trim()));
}

test('each entry sits at its business date: 相談受付, 受付日, the meeting day, the consultation day, the 選任日', async () => {
  const person = await insertPerson(t.db, { name: '経過 三郎', name_kana: 'ケイカ サブロウ', birth_date: '1940-01-01', ward_id: await wardId(t.db, '北区') });
  await typedToday(t.db, 'persons', person);
  await typedToday(t.db, 'consultations', await insertConsultation(t.db, { person_id: person, consulted_on: '2024-05-20' }));
  // Stage 1 (相談受付) on 令和7年4月15日; stages after it later.
  const intake = await insertPetition(t.db, { person_id: person, ward: '北区', intake: '2026-12-08',
    stages: [{ stage: 1, on: '2025-04-15' }, { stage: 2, on: '2025-05-02' }, { stage: 3, on: '2025-06-20' }] });
  // A ledger without its intake day: stage 1 of unknown date, the first date known is stage 2's.
  const ledger = await insertPetition(t.db, { person_id: person, ward: '北区', intake: '2026-12-08',
    stages: [{ stage: 1, status: 'historical' }, { stage: 2, on: '2023-09-01' }, { stage: 3, on: '2023-10-01' }] });
  // Received 令和7年11月4日, decided later, typed in later still.
  const subsidy = await insertSubsidy(t.db, { person_id: person, ward: '北区', status: '決定', decided_on: '2026-01-10',
    values: { received_on: '2025-11-04', court_decided_on: '2025-10-20' } });
  await typedToday(t.db, 'subsidies', subsidy);
  const meeting = await insertMeeting(t.db, '2025-08-20');
  const meetingCase = await insertCase(t.db, meeting, { person_id: person, recommended: await kindId(t.db, '社会福祉士') });
  await typedToday(t.db, 'meeting_cases', meetingCase);
  const guardian = await insertGuardian(t.db, { name: '選任 花子' });
  await insertAppointment(t.db, guardian, person, '2026-02-10');

  const page = await staff.agent.get(`/persons/${person}`);
  expect(page.status).toBe(200);
  const rows = timelineRows(page.text);
  expect(rows.map((r) => [r[0], r[1]])).toEqual([
    ['令和8年2月10日', '市民後見人の受任'],
    ['令和7年11月4日', '報酬助成'],
    ['令和7年8月20日', '受任調整会議'],
    ['令和7年4月15日', '市長申立て'],
    ['令和6年5月20日', '相談記録'],
    ['令和5年9月1日', '市長申立て'],
  ]);
  expect(page.text).toContain(`href="/petitions/${intake}"`);
  expect(page.text).toContain(`href="/petitions/${ledger}"`);
  expect(rows.map((r) => r[0])).not.toContain(TYPED_WAREKI);
});

test('a petition with nothing recorded yet is at its intake, begun the day it was registered; one of unknown dates has none', async () => {
  const person = await insertPerson(t.db, { name: '経過 四郎', name_kana: 'ケイカ シロウ', birth_date: '1941-01-01' });
  await insertPetition(t.db, { person_id: person, ward: '東区', intake: '2026-11-30' });
  await insertPetition(t.db, { person_id: person, ward: '東区', intake: '2026-12-08',
    stages: [{ stage: 1, status: 'historical' }, { stage: 2, status: 'historical' }] });
  const rows = timelineRows((await staff.agent.get(`/persons/${person}`)).text);
  expect(rows.map((r) => r[0])).toEqual(['令和8年11月30日', '日付なし']);
});
