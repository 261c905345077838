/** Writing follow-up sessions and their attendance, in one transaction each, audited. */
import { Request } from 'express';
import { Knex } from 'knex';
import { audit } from '../../audit/audit-writer';
import { updateVersioned } from '../../db/tx';
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

export async function createSession(req: Request, f: FollowupForm): Promise<SessionResult> {
  const { db, clock } = req.deps;
  const now = clock.now();
  const by = req.user!.id;
  return db.transaction(async (trx) => {
    if (await sameSession(trx, f, null)) return { ok: false, reason: 'taken' } as const;
    const [row] = await trx('guardian_followup_sessions').insert({ held_on: f.held_on, title: f.title, created_at: now, created_by: by, updated_at: now, updated_by: by }).returning('id');
    await replaceAttendees(trx, row.id, f.attendee_ids);
    await audit(req, 'followup.create', 'guardian_followup', row.id, trx);
    return { ok: true, id: row.id as number };
  });
}

export async function updateSession(req: Request, id: number, f: FollowupForm & { version: number }): Promise<SessionResult> {
  const { db, clock } = req.deps;
  return db.transaction(async (trx) => {
    if (await sameSession(trx, f, id)) return { ok: false, reason: 'taken' } as const;
    if (!(await updateVersioned(trx, 'guardian_followup_sessions', id, f.version, { held_on: f.held_on, title: f.title, updated_at: clock.now(), updated_by: req.user!.id }))) {
      return { ok: false, reason: 'conflict' } as const;
    }
    await replaceAttendees(trx, id, f.attendee_ids);
    await audit(req, 'followup.update', 'guardian_followup', id, trx);
    return { ok: true, id };
  });
}
