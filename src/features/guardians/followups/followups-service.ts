/** Writing follow-up sessions and their attendance, in one transaction each, audited. */
import { Request } from 'express';
import { Knex } from 'knex';
import { audit } from '../../../audit/audit-writer';
import { inTransaction, updateVersioned } from '../../../db/tx';
import { unlessTaken } from '../../../db/unique';
import { FollowupForm } from './followups-schema';

async function replaceAttendees(trx: Knex.Transaction, sessionId: number, ids: number[]): Promise<void> {
  await trx('guardian_followup_attendance').where({ session_id: sessionId }).del();
  if (ids.length) await trx('guardian_followup_attendance').insert(ids.map((guardian_id) => ({ session_id: sessionId, guardian_id })));
}

const sameSession = (trx: Knex.Transaction, f: FollowupForm, exceptId: number | null) => {
  const q = trx('guardian_followup_sessions').where({ held_on: f.held_on, title: f.title }).first('id');
  if (exceptId !== null) q.whereNot('id', exceptId);
  return q;
};

export type SessionResult = { ok: true; id: number } | { ok: false; reason: 'taken' | 'conflict' };

/** Two people saving the same date and name at once both pass sameSession; the index stops one: 'taken' too. */
const TAKEN: SessionResult = { ok: false, reason: 'taken' };
const SESSION_INDEX = ['guardian_followup_sessions_held_on_title_unique'];

export async function createSession(req: Request, f: FollowupForm): Promise<SessionResult> {
  const { db, clock } = req.deps;
  const now = clock.now();
  const by = req.user!.id;
  return unlessTaken(SESSION_INDEX, TAKEN, () => inTransaction(db, async (trx) => {
    if (await sameSession(trx, f, null)) return TAKEN;
    const [row] = await trx('guardian_followup_sessions').insert({ held_on: f.held_on, title: f.title, created_at: now, created_by: by, updated_at: now, updated_by: by }).returning('id');
    await replaceAttendees(trx, row.id, f.attendee_ids);
    await audit(req, 'followup.create', 'guardian_followup', row.id, trx);
    return { ok: true, id: row.id as number };
  }));
}

export async function updateSession(req: Request, id: number, f: FollowupForm & { version: number }): Promise<SessionResult> {
  const { db, clock } = req.deps;
  return unlessTaken(SESSION_INDEX, TAKEN, () => inTransaction(db, async (trx): Promise<SessionResult> => {
    if (await sameSession(trx, f, id)) return TAKEN;
    if (!(await updateVersioned(trx, 'guardian_followup_sessions', id, f.version, { held_on: f.held_on, title: f.title, updated_at: clock.now(), updated_by: req.user!.id }))) {
      return { ok: false, reason: 'conflict' } as const;
    }
    await replaceAttendees(trx, id, f.attendee_ids);
    await audit(req, 'followup.update', 'guardian_followup', id, trx);
    return { ok: true, id };
  }));
}
