/**
 * Writing cases, each in one transaction with its audit row and, for a case linked to a petition,
 * stage 6 of that petition (meeting-stage.ts). The meeting row is locked first, so a case is never
 * added to a meeting being deleted.
 */
import { Request } from 'express';
import { Knex } from 'knex';
import { audit } from '../../../audit/audit-writer';
import { ANY_VERSION, inTransaction, updateVersioned } from '../../../db/tx';
import { MeetingOptions } from '../meetings-options';
import { CaseForm } from './meeting-cases-schema';
import { completeMatchingStage, StageNotice } from './meeting-stage';
import { petitionMatchedBy } from '../../petitions';

const columns = (f: CaseForm) => ({
  person_id: f.person_id, petition_id: f.petition_id, needs_summary: f.needs_summary, recommended_type_id: f.recommended_type_id,
  candidate_name: f.candidate_name, candidate_guardian_id: f.candidate_guardian_id, reasons: f.reasons, candidate_accepted: f.candidate_accepted,
  sent_to_court_on: f.sent_to_court_on, appointed_type_id: f.appointed_type_id,
});

class MeetingGone extends Error {}

async function liveMeeting(trx: Knex.Transaction, meetingId: number): Promise<{ id: number; held_on: string }> {
  const m = await trx('meetings').where({ id: meetingId }).whereNull('deleted_at').forUpdate().first('id', 'held_on');
  if (!m) throw new MeetingGone();
  return m;
}

export type CaseSaved = { ok: true; id: number; notice: StageNotice | null } | { ok: false; reason: 'conflict' | 'gone' };

async function guarded(work: () => Promise<CaseSaved>): Promise<CaseSaved> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof MeetingGone) return { ok: false, reason: 'gone' };
    throw e;
  }
}

export function createCase(req: Request, meetingId: number, f: CaseForm, o: MeetingOptions, today: string): Promise<CaseSaved> {
  const { db, clock } = req.deps;
  const now = clock.now();
  const by = req.user!.id;
  return guarded(() => inTransaction(db, async (trx) => {
    const m = await liveMeeting(trx, meetingId);
    const [row] = await trx('meeting_cases').insert({ meeting_id: m.id, ...columns(f), created_at: now, created_by: by, updated_at: now, updated_by: by })
      .returning('id');
    await audit(req, 'meeting_case.create', 'meeting_case', row.id, trx);
    const notice = await completeMatchingStage(trx, req, o, { id: row.id, ...f }, m, today);
    return { ok: true as const, id: row.id as number, notice };
  }));
}

/** Saves the edit if the case is still at `version`; stage 6 is tried again if it is not recorded yet. */
export function updateCase(req: Request, meetingId: number, id: number, f: CaseForm & { version: number }, o: MeetingOptions, today: string): Promise<CaseSaved> {
  const { db, clock } = req.deps;
  return guarded(() => inTransaction(db, async (trx) => {
    const m = await liveMeeting(trx, meetingId);
    const live = await trx('meeting_cases').where({ id, meeting_id: meetingId }).whereNull('deleted_at').first('id');
    if (!live || !(await updateVersioned(trx, 'meeting_cases', id, f.version, { ...columns(f), updated_at: clock.now(), updated_by: req.user!.id }))) {
      return { ok: false as const, reason: 'conflict' as const };
    }
    await audit(req, 'meeting_case.update', 'meeting_case', id, trx);
    const notice = await completeMatchingStage(trx, req, o, { id, ...f }, m, today);
    return { ok: true as const, id, notice };
  }));
}

/** The retry from the case page: stage 6 of the linked petition, once its earlier stages are recorded. */
export function recordCaseStage(req: Request, meetingId: number, c: { id: number; petition_id: number | null; recommended_type_id: number; candidate_name: string | null },
  o: MeetingOptions, today: string): Promise<StageNotice | null | 'gone'> {
  return inTransaction(req.deps.db, async (trx) => {
    const m = await trx('meetings').where({ id: meetingId }).whereNull('deleted_at').forUpdate().first('id', 'held_on');
    return m ? completeMatchingStage(trx, req, o, c, m, today) : 'gone';
  });
}

export type CaseDeleted = { ok: true } | { ok: false; linked: number };

/** Soft delete with a reason; refused while a petition's stage 6 points at the case. */
export function deleteCase(req: Request, meetingId: number, id: number, reason: string): Promise<CaseDeleted> {
  const { db, clock } = req.deps;
  return inTransaction(db, async (trx) => {
    await trx('meetings').where({ id: meetingId }).forUpdate().first('id');
    const linked = await petitionMatchedBy(trx, id);
    if (linked !== null) return { ok: false as const, linked };
    const done = await updateVersioned(trx, 'meeting_cases', id, ANY_VERSION,
      { deleted_at: clock.now(), deleted_reason: reason, deleted_by: req.user!.id },
      { where: (q) => q.where({ meeting_id: meetingId }).whereNull('deleted_at') });
    if (done) await audit(req, 'meeting_case.delete', 'meeting_case', id, trx);
    return { ok: true as const };
  });
}
