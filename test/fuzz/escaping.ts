/** After a fuzz: every page that shows a stored script payload shows it escaped. */
import { Knex } from 'knex';
import { TestSuite } from '../helpers/suite';
import { RouteSpec } from '../../src/http/routes';
import { SCRIPT_PAYLOADS } from './bodies';
import { allowedActors, World } from './world';

/** Markup a payload turns into when it is not escaped. */
export function unescapedPayload(html: string): string | null {
  for (const p of SCRIPT_PAYLOADS) if (html.includes(p)) return p;
  const live = /<script>alert|<img[^>]*\sonerror=/i.exec(html);
  return live ? live[0] : null;
}

/** Where a stored row of a table is shown. */
const PAGES_OF: Record<string, (row: { id: number; petition_id?: number; meeting_id?: number }) => string[]> = {
  persons: (r) => [`/persons/${r.id}`, `/persons/${r.id}/edit`, `/persons/${r.id}/print`],
  consultations: (r) => [`/consultations/${r.id}`, `/consultations/${r.id}/edit`],
  petitions: (r) => [`/petitions/${r.id}`, `/petitions/${r.id}/edit`],
  petition_relatives: (r) => [`/petitions/${r.petition_id}`],
  subsidies: (r) => [`/subsidies/${r.id}`, `/subsidies/${r.id}/edit`],
  users: (r) => [`/admin/users/${r.id}`],
  referral_centers: () => ['/admin/masters/referral-centers', '/consultations/new'],
  meetings: (r) => [`/meetings/${r.id}`, `/meetings/${r.id}/edit`],
  meeting_cases: (r) => [`/meetings/${r.meeting_id}/cases/${r.id}`, `/meetings/${r.meeting_id}/cases/${r.id}/edit`],
  citizen_guardians: (r) => [`/guardians/${r.id}`, `/guardians/${r.id}/edit`, '/guardians/followups/new'],
  guardian_followup_sessions: (r) => [`/guardians/followups/${r.id}`],
  guardian_courses: (r) => [`/guardians/courses/${r.id}`, `/guardians/courses/${r.id}/edit`],
};
const LISTS = ['/persons', '/consultations', '/consultations/follow-ups', '/petitions', '/admin/users', '/admin/masters/referral-centers',
  '/meetings?fy=2026', '/subsidies', '/guardians', '/guardians/courses', '/guardians/followups'];

/** Rows of a table holding a script payload in any column. */
function rowsWithPayload(db: Knex, table: string) {
  return db(`${table} as t`)
    .where((q) => { for (const p of SCRIPT_PAYLOADS) q.orWhereRaw('t::text LIKE ?', [`%${p.replace(/"/g, '""').slice(0, 20)}%`]); })
    .orderBy('t.id', 'desc').limit(20)
    .select(table === 'petition_relatives' ? ['t.id', 't.petition_id'] : table === 'meeting_cases' ? ['t.id', 't.meeting_id'] : ['t.id']);
}

const pattern = (r: RouteSpec) => new RegExp(`^${r.path.replace(/:[A-Za-z]+/g, '[^/]+')}$`);

/**
 * Opens every page showing a row of these tables that holds a payload the fuzz stored (and the lists)
 * as every role allowed there, and fails on any raw payload. (Which payloads a seeded fuzz manages to
 * store varies with the data; stored-payloads.test.ts stores one in every kind of record for certain.)
 */
export async function assertStoredPayloadsEscaped(t: TestSuite, world: World, tables: string[]): Promise<void> {
  const urls = new Set(LISTS);
  for (const table of tables) {
    for (const row of await rowsWithPayload(t.db, table)) for (const url of PAGES_OF[table](row)) urls.add(url);
  }
  const problems: string[] = [];
  for (const url of urls) {
    const route = t.routes.find((r) => r.method === 'get' && pattern(r).test(url));
    for (const actor of route ? allowedActors(route) : []) {
      const res = await (await world.session(actor)).agent.get(url);
      const raw = /html/.test(String(res.headers['content-type'])) ? unescapedPayload(res.text) : null;
      if (raw) problems.push(`${url} as ${actor} shows ${raw} unescaped`);
    }
  }
  expect(problems).toEqual([]);
}
