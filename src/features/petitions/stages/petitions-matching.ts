/**
 * What the appointment-matching meetings (src/features/meetings) may ask of petitions: petitions own
 * stage 6 (受任調整) and their tables; a meeting case records its recommendation here, and reads
 * where the petition stands, through these functions only.
 */
import { Request } from 'express';
import { Knex } from 'knex';
import { toWareki } from '../../../lib/dates';
import { fieldDef } from '../petitions-fields';
import { MATCHING_STAGE, MEETING_CASE_LABEL, recordStageIn } from './petitions-stage-service';

type Conn = Knex | Knex.Transaction;

/** One of a person's petitions, for a form that links a record to it. */
export interface PersonPetition { id: number; ward: string; filed_on: string | null; current_stage: number | null; close_kind: string | null }

/** The person's petitions, newest first. */
export async function personPetitions(db: Conn, personId: number | null): Promise<PersonPetition[]> {
  if (personId === null) return [];
  return db('petitions as p').join('petition_progress as pp', 'pp.petition_id', 'p.id').join('wards as w', 'w.id', 'p.ward_id')
    .where('p.person_id', personId).orderBy('p.id', 'desc')
    .select('p.id', 'w.name as ward', 'p.filed_on', 'pp.current_stage', 'p.close_kind');
}

/** Whose petition it is (undefined when there is no such petition). */
export async function petitionPersonId(db: Conn, petitionId: number): Promise<number | undefined> {
  return (await db('petitions').where({ id: petitionId }).first('person_id'))?.person_id;
}

/** The petition's 事件番号, if recorded. */
export async function petitionCaseNumber(db: Conn, petitionId: number): Promise<string | null> {
  return (await db('petitions').where({ id: petitionId }).first('case_number'))?.case_number ?? null;
}

export interface MatchingState {
  /** stage 6 is recorded with this case as its record */
  byThisCase: boolean;
  /** stage 6 is recorded otherwise (不要, by hand, or by another case) */
  otherwise: boolean;
  current_stage: number | null;
}

/** Where the petition stands with stage 6, seen from a meeting case. */
export async function matchingStateOf(db: Conn, petitionId: number, caseId: number): Promise<MatchingState> {
  const row = await db('petitions as p').join('petition_progress as pp', 'pp.petition_id', 'p.id').where('p.id', petitionId)
    .first('p.meeting_case_id', 'pp.current_stage',
      db.raw('EXISTS (SELECT 1 FROM petition_stages s WHERE s.petition_id = p.id AND s.stage = ?) AS recorded', [MATCHING_STAGE]));
  const byThisCase = row.recorded && row.meeting_case_id === caseId;
  return { byThisCase, otherwise: row.recorded && !byThisCase, current_stage: row.current_stage };
}

/** The petition whose stage 6 is this case's record, if any (such a case may not be unlinked or deleted). */
export async function petitionMatchedBy(db: Conn, caseId: number): Promise<number | null> {
  const row = await db('petitions').where({ meeting_case_id: caseId }).first('id');
  return row?.id ?? null;
}

/** The petitions whose stage 6 is the record of one of these cases, in id order. */
export async function petitionsMatchedBy(db: Conn, caseIds: number[]): Promise<number[]> {
  if (caseIds.length === 0) return [];
  const rows: { id: number }[] = await db('petitions').whereIn('meeting_case_id', caseIds).orderBy('id').select('id');
  return rows.map((r) => r.id);
}

/** A case's recommendation, as the petition records it. */
export interface MeetingRecommendation { caseId: number; petitionId: number; heldOn: string; recommendation: string }

/** 'recorded'; 'unchanged' (this case is stage 6's record already); 'already' (recorded otherwise); or refused, and why. */
export type MatchingOutcome = { kind: 'recorded' | 'unchanged' | 'already' } | { kind: 'refused'; message: string };

/**
 * Completes stage 6 with the meeting's recommendation, in the caller's transaction, through the
 * stage service and its order and date rules: the stage points at the case, and 受任調整の推薦 takes
 * the recommendation when it is still empty.
 */
export async function recordMatchingFromMeeting(trx: Knex.Transaction, req: Request, m: MeetingRecommendation, today: string): Promise<MatchingOutcome> {
  const p = await trx('petitions').where({ id: m.petitionId }).first('meeting_case_id', 'matching_recommendation');
  const recorded = await trx('petition_stages').where({ petition_id: m.petitionId, stage: MATCHING_STAGE }).first('id');
  if (recorded) return { kind: p.meeting_case_id === m.caseId ? 'unchanged' : 'already' };
  const values: Record<string, unknown> = { meeting_case_id: m.caseId };
  const changes = [{ field: MEETING_CASE_LABEL, old: null, new: `検討案件 番号${m.caseId}（${toWareki(m.heldOn)}の会議）` }];
  if (!p.matching_recommendation) {
    values.matching_recommendation = m.recommendation;
    changes.push({ field: fieldDef('matching_recommendation').label, old: null, new: m.recommendation });
  }
  const outcome = await recordStageIn(trx, req, m.petitionId, {
    stage: MATCHING_STAGE, status: 'done', completed_on: m.heldOn, close_kind: null,
    note: `受任調整会議（${toWareki(m.heldOn)}）の推薦：${m.recommendation}`, fields: { values, changes },
  }, today);
  return outcome.ok ? { kind: 'recorded' } : { kind: 'refused', message: outcome.message };
}
