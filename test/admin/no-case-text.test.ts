/**
 * Issue 13 S12: the system administrator manages users, master data and the audit log and sees no
 * individual record. Every text column of every case record is filled with a marker; no page or
 * download the administrator can open may show one (the deletion reason of a consultation was one).
 */
import { useTestApp } from '../helpers/suite';
import { allowedActors, Fixtures, makeWorld, urlFor, World } from '../fuzz/world';

const t = useTestApp();
let world: World;
let fx: Fixtures;
/** marker → table.column */
const markers = new Map<string, string>();

/** The records of cases (persons, consultations, petitions, meetings, subsidies, citizen guardians) and everything said in them. */
const CASE_TABLES = [
  'persons', 'consultations', 'petitions', 'petition_relatives', 'petition_stages', 'petition_history', 'meetings', 'meeting_cases',
  'meeting_attendees', 'subsidies', 'citizen_guardians', 'guardian_appointments', 'guardian_periods',
];

beforeAll(async () => {
  world = await makeWorld(t.app, t.db);
  fx = await world.fixtures();
  const columns: { table_name: string; column_name: string }[] = (await t.db.raw(
    `SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name = ANY(?) AND data_type IN ('text', 'character varying') ORDER BY 1, 2`, [CASE_TABLES],
  )).rows;
  for (const c of columns) {
    const marker = `機密テキスト${markers.size + 1}番`;
    // Every row; else the rows that have a value (a deletion reason needs its deletion). Code columns
    // (CHECK-ed status values …) refuse the marker either way: they hold no free text.
    for (const rows of [() => t.db(c.table_name), () => t.db(c.table_name).whereNotNull(c.column_name)]) {
      try {
        await rows().update({ [c.column_name]: marker });
        markers.set(marker, `${c.table_name}.${c.column_name}`);
        break;
      } catch { /* next way, or a code column */ }
    }
  }
});

test('the markers reach the free text of every kind of case record', () => {
  const filled = [...markers.values()];
  for (const col of ['consultations.content', 'consultations.deleted_reason', 'persons.name', 'petitions.reason_note', 'petition_relatives.name', 'meetings.minutes', 'subsidies.deleted_reason']) {
    expect(filled).toContain(col);
  }
});

test('no page or download the administrator can open shows any of them', async () => {
  const { agent } = await world.session('admin');
  const urls = ['/', '/admin/audit.csv', ...t.routes.filter((r) => r.method === 'get' && allowedActors(r).includes('admin')).map((r) => urlFor(r, fx))];
  expect(urls).toEqual(expect.arrayContaining(['/consultations/deleted', '/admin/audit', '/admin/users']));
  const seen: string[] = [];
  for (const url of urls) {
    const res = await agent.get(url);
    expect([url, res.status < 400]).toEqual([url, true]);
    for (const [marker, column] of markers) if (res.text.includes(marker)) seen.push(`${url}: ${column}`);
  }
  expect(seen).toEqual([]);
});

test('the manager, who reads the records, still sees why a consultation was deleted', async () => {
  const { agent } = await world.session('manager');
  const reason = [...markers].find(([, column]) => column === 'consultations.deleted_reason')![0];
  expect((await agent.get('/consultations/deleted')).text).toContain(reason);
});
