/**
 * A case's recommendation completes stage 6 (受任調整) of the linked petition, in the caller's
 * transaction, through petitions' recordMatchingFromMeeting (its stage service and order rules). When the stage cannot
 * be recorded (earlier stages open, the petition closed, a date rule), the case is still saved and
 * the notice says why; the case page then offers to record stage 6 once the petition is ready.
 */
import { Request } from 'express';
import { Knex } from 'knex';
import { toWareki } from '../../../lib/dates';
import { MATCHING_STAGE, recordMatchingFromMeeting, stageDef } from '../../petitions';
import { labelOf, MeetingOptions } from '../meetings-options';

export interface StageNotice { kind: 'success' | 'error'; text: string }

export interface RecommendedCase { id: number; petition_id: number | null; recommended_type_id: number; candidate_name: string | null }

const STAGE = `段階${MATCHING_STAGE}「${stageDef(MATCHING_STAGE).name}」`;

/** '社会福祉士（候補者：熊本 太郎）' */
export const recommendationText = (o: MeetingOptions, c: RecommendedCase) =>
  `${labelOf(o, c.recommended_type_id)}${c.candidate_name ? `（候補者：${c.candidate_name}）` : ''}`;

export const STAGE_NOTICES = {
  done: (petitionId: number, heldOn: string) => `市長申立て（番号 ${petitionId}）の${STAGE}を完了（${toWareki(heldOn)}）として記録しました。`,
  already: (petitionId: number) => `市長申立て（番号 ${petitionId}）の${STAGE}は既に記録されているため、この検討案件では記録していません。`,
  refused: (petitionId: number, why: string) =>
    `検討案件は保存しましたが、市長申立て（番号 ${petitionId}）の${STAGE}は記録できませんでした（${why}）。申立ての前の段階を記録した後、検討案件の画面の「段階6を記録する」で記録してください。`,
};

/** Records stage 6 of the case's petition if it is not recorded yet; null when there is nothing to do. */
export async function completeMatchingStage(trx: Knex.Transaction, req: Request, o: MeetingOptions, c: RecommendedCase,
  meeting: { held_on: string }, today: string): Promise<StageNotice | null> {
  if (c.petition_id === null) return null;
  const outcome = await recordMatchingFromMeeting(trx, req, {
    caseId: c.id, petitionId: c.petition_id, heldOn: meeting.held_on, recommendation: recommendationText(o, c),
  }, today);
  if (outcome.kind === 'unchanged') return null;
  if (outcome.kind === 'already') return { kind: 'error', text: STAGE_NOTICES.already(c.petition_id) };
  if (outcome.kind === 'refused') return { kind: 'error', text: STAGE_NOTICES.refused(c.petition_id, outcome.message) };
  return { kind: 'success', text: STAGE_NOTICES.done(c.petition_id, meeting.held_on) };
}
