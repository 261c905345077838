/** The case page: the person, the petition and where its stage 6 stands, the recommendation; audited as a view. */
import { Request, Response } from 'express';
import { audit } from '../../../audit/audit-writer';
import { NotFoundError } from '../../../http/errors';
import { renderFormPage, Rerender } from '../../../http/forms';
import { idParam } from '../../../http/params';
import { toWareki } from '../../../lib/dates';
import { stageDef, matchingStateOf } from '../../petitions';
import { can } from '../../../policy';
import { ACCEPTED_LABELS, labelOf, loadMeetingOptions } from '../meetings-options';
import { CaseRow, findCase } from './meeting-cases-queries';

/** The live case in the path (of the live meeting in the path), else 404. */
export async function loadCase(req: Request): Promise<CaseRow> {
  const c = await findCase(req.deps.db, idParam(req, 'meetingId'), idParam(req, 'caseId'));
  if (!c) throw new NotFoundError();
  return c;
}

type Shown = Pick<CaseRow, 'needs_summary' | 'candidate_name' | 'candidate_guardian_name' | 'candidate_guardian_kana' | 'reasons' | 'candidate_accepted'>;

/** The candidate: the citizen guardian from the bank (if chosen), then the name as typed. */
export const candidateText = (c: Shown) => [
  c.candidate_guardian_name ? `市民後見人（バンク登録者）${c.candidate_guardian_name}（${c.candidate_guardian_kana ?? ''}）` : null, c.candidate_name,
].filter(Boolean).join('\n');

/** The label/value rows of a case, as shown on its page, the conflict page and the result sheet. */
export function caseRows(c: Shown, recommended: string, appointed: string, sentOn: string) {
  return [
    { label: '課題の概要（資産・紛争・虐待・健康など）', value: c.needs_summary ?? '' },
    { label: '推薦する後見人等の種別', value: recommended },
    { label: '候補者', value: candidateText(c) },
    { label: '推薦の理由', value: c.reasons ?? '' },
    { label: '候補者の受任の意向', value: ACCEPTED_LABELS[c.candidate_accepted] },
    { label: '家庭裁判所への送付日', value: sentOn },
    { label: '選任された後見人等の種別', value: appointed },
  ];
}

export async function renderCase(req: Request, res: Response, c: CaseRow, status = 200, extra: Rerender = {}) {
  const { db } = req.deps;
  const [o, stage] = await Promise.all([loadMeetingOptions(db), c.petition_id ? matchingStateOf(db, c.petition_id, c.id) : null]);
  await audit(req, 'meeting_case.view', 'meeting_case', c.id);
  renderFormPage(res, 'meetings/case-show', {
    c, rows: caseRows(c, labelOf(o, c.recommended_type_id), labelOf(o, c.appointed_type_id) || '未定・未審判', c.sent_to_court_on ? toWareki(c.sent_to_court_on) : ''),
    stage, currentStageName: stage?.current_stage ? stageDef(stage.current_stage).name : null,
    canWrite: can(req.user, 'meetings:write'), petitionLink: can(req.user, 'petitions:read'), values: {},
  }, extra, status);
}
