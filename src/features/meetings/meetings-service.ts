/** Writing meetings: the meeting row and its attendees together, audited, in one transaction. */
import { Request } from 'express';
import { Knex } from 'knex';
import { audit } from '../../audit/audit-writer';
import { ANY_VERSION, inTransaction, updateVersioned } from '../../db/tx';
import { Attendee } from './meetings-attendees';
import { linkedPetitions } from './meetings-queries';
import { MeetingForm } from './meetings-schema';

async function replaceAttendees(trx: Knex.Transaction, meetingId: number, rows: Attendee[]): Promise<void> {
  await trx('meeting_attendees').where({ meeting_id: meetingId }).del();
  if (rows.length) await trx('meeting_attendees').insert(rows.map((a, i) => ({ meeting_id: meetingId, position: i + 1, ...a })));
}

const columns = (f: MeetingForm) => ({ held_on: f.held_on, place: f.place, minutes: f.minutes });

export async function createMeeting(req: Request, f: MeetingForm, attendees: Attendee[]): Promise<number> {
  const { db, clock } = req.deps;
  const now = clock.now();
  const by = req.user!.id;
  return inTransaction(db, async (trx) => {
    const [row] = await trx('meetings').insert({ ...columns(f), created_at: now, created_by: by, updated_at: now, updated_by: by }).returning('id');
    await replaceAttendees(trx, row.id, attendees);
    await audit(req, 'meeting.create', 'meeting', row.id, trx);
    return row.id as number;
  });
}

/** Saves the edit if the meeting is still live and at `version`; false on a conflict. */
export async function updateMeeting(req: Request, id: number, version: number, f: MeetingForm, attendees: Attendee[]): Promise<boolean> {
  const { db, clock } = req.deps;
  return inTransaction(db, async (trx) => {
    const live = await trx('meetings').where({ id }).whereNull('deleted_at').forUpdate().first('id');
    if (!live || !(await updateVersioned(trx, 'meetings', id, version, { ...columns(f), updated_at: clock.now(), updated_by: req.user!.id }))) return false;
    await replaceAttendees(trx, id, attendees);
    await audit(req, 'meeting.update', 'meeting', id, trx);
    return true;
  });
}

export type DeleteOutcome = { ok: true } | { ok: false; linked: number[] };

/**
 * Soft delete with a reason: the meeting and its cases leave the lists, the timeline and the
 * tallies. Refused while a petition's stage 6 points at one of its cases.
 */
export async function deleteMeeting(req: Request, id: number, reason: string): Promise<DeleteOutcome> {
  const { db, clock } = req.deps;
  return inTransaction(db, async (trx) => {
    await trx('meetings').where({ id }).forUpdate().first('id');
    const linked = await linkedPetitions(trx, id);
    if (linked.length) return { ok: false, linked };
    const done = await updateVersioned(trx, 'meetings', id, ANY_VERSION,
      { deleted_at: clock.now(), deleted_reason: reason, deleted_by: req.user!.id }, { where: (q) => q.whereNull('deleted_at') });
    if (done) await audit(req, 'meeting.delete', 'meeting', id, trx);
    return { ok: true };
  });
}
