/** Reading follow-up sessions: the list with attendance counts (延べ) and one session with its attendees. */
import { Knex } from 'knex';

type Conn = Knex | Knex.Transaction;

export interface SessionRow { id: number; held_on: string; title: string; version: number }

export function listSessions(db: Conn): Promise<(SessionRow & { attendees: number })[]> {
  return db('guardian_followup_sessions as s')
    .orderBy([{ column: 's.held_on', order: 'desc' }, { column: 's.id', order: 'desc' }])
    .select('s.id', 's.held_on', 's.title', 's.version',
      db.raw('(SELECT count(*) FROM guardian_followup_attendance a WHERE a.session_id = s.id)::int AS attendees'));
}

export function findSession(db: Conn, id: number): Promise<SessionRow | undefined> {
  return db('guardian_followup_sessions').where({ id }).first('id', 'held_on', 'title', 'version');
}

export async function attendeeIds(db: Conn, sessionId: number): Promise<number[]> {
  const rows: { guardian_id: number }[] = await db('guardian_followup_attendance').where({ session_id: sessionId }).orderBy('guardian_id').select('guardian_id');
  return rows.map((r) => r.guardian_id);
}
