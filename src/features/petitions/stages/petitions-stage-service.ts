import { Request } from 'express';
import { Knex } from 'knex';
import { audit } from '../../../audit/audit-writer';
import { NotFoundError } from '../../../http/errors';
import { toWareki } from '../../../lib/dates';
import { CLOSING_STAGE, CloseKind, checkStageDate, checkStageOrder, RecordedStage, STAGE_STATUS_LABELS, StageStatus, stageDef } from './petition-stages';
import { fieldDef, PetitionField } from '../petitions-fields';
import { Change, touchPetition, writeHistory } from '../petitions-history';
import { recordDates, STAGE_DATE_FIELDS } from '../record/petitions-schema';
import { scopedPetitions } from '../petitions-scope';
import { inTransaction } from '../../../db/tx';

export interface StageInput {
  stage: number;
  status: 'done' | 'not_needed';
  completed_on: string;
  note: string | null;
  close_kind: CloseKind | null;
  /** petition fields another feature sets with the stage (e.g. the meeting case of stage 6), and their history lines */
  fields?: { values: Record<string, unknown>; changes: Change[] };
}

/** Where a refusal is shown: [the stage form's field, the close form's field]. */
export const STAGE_FORM_FIELDS = { order: ['stage_status', 'close_kind'], date: ['stage_on', 'close_on'] } as const;

export type StageOutcome = { ok: true } | { ok: false; field: string; message: string };

/**
 * STAGE_DATE_FIELDS: the record's date that a stage's completion is: filled from the stage when
 * still empty, and cleared again when that stage is undone (if it still holds the stage's date).
 */

/** 受任調整: completed by a matching meeting's recommendation (src/features/meetings), which it then points at. */
export const MATCHING_STAGE = 6;
export const MEETING_CASE_LABEL = '受任調整会議の検討案件';

export const stageLabel = (no: number) => `段階${no}「${stageDef(no).name}」`;

/** '完了（令和8年11月1日）メモ：…' — how a stage row reads in the history. */
export function describeStage(s: { status: StageStatus; completed_on: string | null; note: string | null }): string {
  const date = s.completed_on ? `（${toWareki(s.completed_on)}）` : '';
  return `${STAGE_STATUS_LABELS[s.status]}${date}${s.note ? ` メモ：${s.note}` : ''}`;
}

const dateChange = (field: PetitionField, old: string | null, now: string | null): Change =>
  ({ field: fieldDef(field).label, old: old ? toWareki(old) : null, new: now ? toWareki(now) : null });

/** The stages recorded on a petition, in order. */
export function recordedStages(db: Knex | Knex.Transaction, id: number): Promise<(RecordedStage & { note: string | null })[]> {
  return db('petition_stages').where({ petition_id: id }).orderBy('stage').select('stage', 'status', 'completed_on', 'note');
}

/** Locks the petition row (so two recordings of one petition queue) and reads what is recorded. */
async function lockWithStages(trx: Knex.Transaction, req: Request, id: number) {
  const p = await scopedPetitions(trx, req.user!).where('p.id', id).forUpdate().first('p.*');
  if (!p) throw new NotFoundError();
  return { p, recorded: await recordedStages(trx, id) };
}

/**
 * Why recording `stage` on `on` is refused, if it is: the order of the stages, and the date against
 * today and the dates of the steps before it (recorded stages and the record's 決裁日, 申立日 …).
 * The route checks it with the form's other errors, the service again under the lock.
 */
export function stageRefusals(p: Record<string, unknown>, recorded: RecordedStage[], input: Pick<StageInput, 'stage' | 'close_kind'> & { completed_on?: string }, today: string): { order?: string; date?: string } {
  const order = checkStageOrder(recorded, input.stage, input.stage === CLOSING_STAGE ? input.close_kind : null);
  const date = input.completed_on ? checkStageDate(recorded, input.stage, input.completed_on, today, recordDates(p)) : null;
  return { ...(order ? { order } : {}), ...(date ? { date } : {}) };
}

/** The petition (in the user's scope) and its recorded stages, read for the stage form's rule. */
export async function stageFacts(req: Request, id: number) {
  const p = await scopedPetitions(req.deps.db, req.user!).where('p.id', id).first('p.*');
  if (!p) throw new NotFoundError();
  return { p, recorded: await recordedStages(req.deps.db, id) };
}

/** Records one stage in order (checkStageOrder / checkStageDate), with history and audit, in one transaction. */
export function recordStage(req: Request, id: number, input: StageInput, today: string): Promise<StageOutcome> {
  return inTransaction(req.deps.db, (trx) => recordStageIn(trx, req, id, input, today));
}

/** recordStage inside the caller's transaction (another feature completing a stage with its own writes). */
export async function recordStageIn(trx: Knex.Transaction, req: Request, id: number, input: StageInput, today: string): Promise<StageOutcome> {
  const now = req.deps.clock.now();
  const by = req.user!.id;
  const closing = input.stage === CLOSING_STAGE;
  const { p, recorded } = await lockWithStages(trx, req, id);
  const refused = stageRefusals(p, recorded, input, today);
  if (refused.order) return { ok: false, field: STAGE_FORM_FIELDS.order[closing ? 1 : 0], message: refused.order };
  if (refused.date) return { ok: false, field: STAGE_FORM_FIELDS.date[closing ? 1 : 0], message: refused.date };
  const status: StageStatus = closing ? 'done' : input.status;
  await trx('petition_stages').insert({
    petition_id: id, stage: input.stage, status, completed_on: input.completed_on, note: input.note, recorded_by: by, recorded_at: now,
  });
  const changes: Change[] = [{ field: stageLabel(input.stage), old: null, new: describeStage({ status, completed_on: input.completed_on, note: input.note }) }];
  const extra: Record<string, unknown> = {};
  if (closing) {
    Object.assign(extra, { close_kind: input.close_kind, close_reason: input.note });
    changes.push({ field: '終結の区分', old: p.close_kind, new: input.close_kind });
  }
  const dateField = STAGE_DATE_FIELDS[input.stage];
  if (dateField && status === 'done' && p[dateField] === null) {
    extra[dateField] = input.completed_on;
    changes.push(dateChange(dateField, null, input.completed_on));
  }
  if (input.fields) {
    Object.assign(extra, input.fields.values);
    changes.push(...input.fields.changes);
  }
  await touchPetition(trx, id, by, now, extra);
  await writeHistory(trx, id, by, now, changes);
  await audit(req, 'petition.stage', 'petition', id, trx);
  return { ok: true };
}

/** Removes the most recent stage row, if it is still `stage` (a second click finds it gone). */
export async function undoStage(req: Request, id: number, stage: number): Promise<boolean> {
  const { db, clock } = req.deps;
  const now = clock.now();
  const by = req.user!.id;
  return inTransaction(db, async (trx) => {
    const { p, recorded } = await lockWithStages(trx, req, id);
    const last = recorded[recorded.length - 1];
    if (!last || last.stage !== stage) return false;
    await trx('petition_stages').where({ petition_id: id, stage }).del();
    const changes: Change[] = [{ field: stageLabel(stage), old: describeStage(last), new: '取消し' }];
    const extra: Record<string, unknown> = {};
    if (stage === CLOSING_STAGE) {
      Object.assign(extra, { close_kind: null, close_reason: null });
      changes.push({ field: '終結の区分', old: p.close_kind, new: null });
    }
    const dateField = STAGE_DATE_FIELDS[stage];
    if (dateField && last.completed_on && p[dateField] === last.completed_on) {
      extra[dateField] = null;
      changes.push(dateChange(dateField, last.completed_on, null));
    }
    // 受任調整 undone: the link to the meeting case goes with it, so that case may complete it again.
    if (stage === MATCHING_STAGE && p.meeting_case_id !== null) {
      extra.meeting_case_id = null;
      changes.push({ field: MEETING_CASE_LABEL, old: `検討案件 番号${p.meeting_case_id}`, new: null });
    }
    await touchPetition(trx, id, by, now, extra);
    await writeHistory(trx, id, by, now, changes);
    await audit(req, 'petition.stage_undo', 'petition', id, trx);
    return true;
  });
}
