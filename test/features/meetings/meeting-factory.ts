/** Fixtures for the meeting tests: meetings, attendees and cases inserted directly; posting a page's form. */
import { Knex } from 'knex';
import { Agent, csrfFrom } from '../../helpers/agent';
import { codeId, insertPerson, wardId } from '../../helpers/factories';

export const kindId = (db: Knex, label: string) => codeId(db, 'guardian_kind', label);
export const orgId = (db: Knex, label: string) => codeId(db, 'attendee_org', label);

export async function insertMeeting(db: Knex, held_on: string, opts: { place?: string; minutes?: string; deleted?: boolean } = {}): Promise<number> {
  const [row] = await db('meetings').insert({
    held_on, place: opts.place ?? null, minutes: opts.minutes ?? null,
    ...(opts.deleted ? { deleted_at: new Date('2026-11-01T00:00:00Z'), deleted_reason: '誤登録' } : {}),
  }).returning('id');
  return row.id as number;
}

export async function insertCase(db: Knex, meetingId: number, c: {
  person_id: number; recommended: number; appointed?: number | null; petition_id?: number | null; candidate?: string | null; deleted?: boolean;
}): Promise<number> {
  const [row] = await db('meeting_cases').insert({
    meeting_id: meetingId, person_id: c.person_id, recommended_type_id: c.recommended, appointed_type_id: c.appointed ?? null,
    petition_id: c.petition_id ?? null, candidate_name: c.candidate ?? null,
    ...(c.deleted ? { deleted_at: new Date('2026-11-01T00:00:00Z'), deleted_reason: '誤登録' } : {}),
  }).returning('id');
  return row.id as number;
}

let seq = 0;
/** A person of their own for each call (kana differs). */
export function somePerson(db: Knex, ward = '東区', name = '会議 花子'): Promise<number> {
  seq += 1;
  return wardId(db, ward).then((w) => insertPerson(db, { name: `${name}${seq}`, name_kana: 'カイギ ハナコ', birth_date: '1940-05-06', ward_id: w, address: '熊本市東区1-1' }));
}

/** Posts to `action` with the CSRF token of `page` (the form the browser would have shown). */
export async function postFrom(agent: Agent, page: string, action: string, body: Record<string, string | string[]>) {
  const res = await agent.get(page);
  if (res.status !== 200) throw new Error(`${page} answered ${res.status}`);
  return agent.post(action).type('form').send({ ...body, _csrf: csrfFrom(res.text) });
}

export const idFrom = (location: string) => Number(/(\d+)$/.exec(location)![1]);
