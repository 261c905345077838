/** The cases of a meeting: add, show, edit (conflict page on a stale version), delete, record stage 6. */
import { Request, Response } from 'express';
import { flash } from '../../../http/flash';
import { fieldError, parseForm } from '../../../http/forms';
import { SecureRouter } from '../../../http/routes';
import { toWareki } from '../../../lib/dates';

import { labelOf, loadMeetingOptions, MeetingOptions } from '../meetings-options';
import { loadMeeting } from '../meetings-page';
import { deleteSchema } from '../meetings-schema';
import { caseRows, loadCase, renderCase } from './meeting-case-page';
import { isPersonSearch } from '../../persons';
import { CaseFormMode, editCaseMode, newCaseMode, renderCaseForm, renderPersonSearch } from './meeting-cases-form';
import { petitionMatchedBy } from '../../petitions';
import { candidateGuardianOf, CaseRow } from './meeting-cases-queries';
import { CASE_MESSAGES, CaseForm, validateCase } from './meeting-cases-schema';
import { createCase, deleteCase, recordCaseStage, updateCase } from './meeting-cases-service';
import { StageNotice } from './meeting-stage';
import { pairedRows, renderConflictPage } from '../../../http/conflict';
import { today } from '../../../http/today';

const CASE = '/meetings/:meetingId/cases/:caseId';
const heldOf = (c: CaseRow) => [c.recommended_type_id, ...(c.appointed_type_id ? [c.appointed_type_id] : [])];

function tell(req: Request, saved: string, notice: StageNotice | null): void {
  flash(req, saved);
  if (notice) flash(req, notice.text, notice.kind);
}

async function renderConflict(req: Request, res: Response, o: MeetingOptions, mine: CaseForm, caseId: number) {
  const current = await loadCase(req);
  const date = (v: string | null) => (v ? toWareki(v) : '');
  const theirs = caseRows(current, labelOf(o, current.recommended_type_id), labelOf(o, current.appointed_type_id), date(current.sent_to_court_on));
  const ours = caseRows({ ...mine, ...(await candidateGuardianOf(req.deps.db, mine.candidate_guardian_id)) }, labelOf(o, mine.recommended_type_id), labelOf(o, mine.appointed_type_id), date(mine.sent_to_court_on));
  renderConflictPage(res, {
    backHref: `/meetings/${current.meeting_id}/cases/${caseId}/edit`,
    rows: [
      { label: '本人（番号）', mine: String(mine.person_id), theirs: String(current.person_id) },
      { label: '市長申立て（番号）', mine: String(mine.petition_id ?? ''), theirs: String(current.petition_id ?? '') },
      ...pairedRows(ours, theirs),
    ],
  });
}

/** Reads the posted form: a person search re-renders, a bad form comes back with 400; else the valid form. */
async function readForm(req: Request, res: Response, mode: CaseFormMode, o: MeetingOptions, held: number[], lockedPetition: number | null) {
  const body: Record<string, unknown> = { ...(req.body ?? {}) };
  if (isPersonSearch(body)) return void (await renderPersonSearch(req, res, mode, o, held, body));
  const form = await validateCase(req.deps.db, body, { o, held, editing: mode.caseId !== null, heldOn: mode.meeting.held_on, today: today(req), lockedPetition,
    heldGuardian: mode.heldGuardian });
  if (!form.ok) return void (await renderCaseForm(req, res, mode, o, held, body, 400, form));
  return form.data;
}

export function meetingCaseRoutes(r: SecureRouter): void {
  r.get('/meetings/:meetingId/cases/new', 'meetings:write', async (req, res) => {
    const m = await loadMeeting(req);
    await renderCaseForm(req, res, newCaseMode(m), await loadMeetingOptions(req.deps.db), [], { candidate_accepted: '未定' });
  });

  r.post('/meetings/:meetingId/cases', 'meetings:write', async (req, res) => {
    const m = await loadMeeting(req);
    const o = await loadMeetingOptions(req.deps.db);
    const data = await readForm(req, res, newCaseMode(m), o, [], null);
    if (!data) return;
    const saved = await createCase(req, m.id, data, o, today(req));
    if (!saved.ok) return res.redirect(303, '/meetings');
    tell(req, `検討案件を登録しました（番号 ${saved.id}）。`, saved.notice);
    res.redirect(303, `/meetings/${m.id}/cases/${saved.id}`);
  });

  r.get(CASE, 'meetings:read', async (req, res) => renderCase(req, res, await loadCase(req)));

  r.get(`${CASE}/edit`, 'meetings:write', async (req, res) => {
    const c = await loadCase(req);
    await renderCaseForm(req, res, editCaseMode(await loadMeeting(req), c.id, c.candidate_guardian_id), await loadMeetingOptions(req.deps.db), heldOf(c), { ...c });
  });

  r.post(CASE, 'meetings:write', async (req, res) => {
    const c = await loadCase(req);
    const o = await loadMeetingOptions(req.deps.db);
    const data = await readForm(req, res, editCaseMode(await loadMeeting(req), c.id, c.candidate_guardian_id), o, heldOf(c), await petitionMatchedBy(req.deps.db, c.id));
    if (!data) return;
    const saved = await updateCase(req, c.meeting_id, c.id, data as CaseForm & { version: number }, o, today(req));
    if (!saved.ok) return saved.reason === 'gone' ? res.redirect(303, '/meetings') : renderConflict(req, res, o, data, c.id);
    tell(req, '検討案件を保存しました。', saved.notice);
    res.redirect(303, `/meetings/${c.meeting_id}/cases/${c.id}`);
  });

  r.post(`${CASE}/stage`, 'meetings:write', async (req, res) => {
    const c = await loadCase(req);
    if (c.petition_id === null) {
      flash(req, CASE_MESSAGES.noPetition, 'error');
      return res.redirect(303, `/meetings/${c.meeting_id}/cases/${c.id}`);
    }
    const notice = await recordCaseStage(req, c.meeting_id, c, await loadMeetingOptions(req.deps.db), today(req));
    if (notice === 'gone') return res.redirect(303, '/meetings');
    flash(req, notice?.text ?? '段階6は既にこの検討案件で記録されています。', notice?.kind ?? 'success');
    res.redirect(303, `/meetings/${c.meeting_id}/cases/${c.id}`);
  });

  r.post(`${CASE}/delete`, 'meetings:write', async (req, res) => {
    const c = await loadCase(req);
    const form = parseForm(deleteSchema, req.body);
    if (!form.ok) return renderCase(req, res, c, 400, { ...form, values: req.body ?? {} });
    const outcome = await deleteCase(req, c.meeting_id, c.id, form.data.reason);
    if (!outcome.ok) return renderCase(req, res, c, 400, { ...fieldError('reason', CASE_MESSAGES.deleteLinked(outcome.linked)), values: req.body ?? {} });
    flash(req, `検討案件（番号 ${c.id}）を削除しました。`);
    res.redirect(303, `/meetings/${c.meeting_id}`);
  });
}
