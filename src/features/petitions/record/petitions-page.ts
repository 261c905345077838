import { Request, Response } from 'express';
import { audit } from '../../../audit/audit-writer';
import { renderFormPage, Rerender } from '../../../http/forms';
import { NotFoundError } from '../../../http/errors';
import { idParam } from '../../../http/params';
import { can } from '../../../policy';
import { CLOSE_KINDS, CLOSING_STAGE, STAGE_STATUS_LABELS, STAGES } from '../stages/petition-stages';
import { displayValue, FIELD_GROUPS, motivesText } from '../petitions-fields';
import { stallDays } from '../list/petitions-list';
import { offered } from '../../masters';
import { loadPetitionOptions } from '../petitions-options';
import { RELATIVE_REPLIES } from '../petitions-progress-schema';
import {
  documentsOf, findPetition, historyOf, HISTORY_LIMIT, motiveIdsOf, relativesOf, stagesOf,
} from './petitions-queries';
import { petitionIdFor } from '../petitions-scope';
import { staffPersonSummary, wardPersonSummary } from '../../persons';
import { today } from '../../../http/today';

/** The petition id in the path, if this user may see it (else 404; another ward's is audited). */
export const scopedId = (req: Request) => petitionIdFor(req, idParam(req, 'petitionId'));

/** The petition with its progress, or 404 (also for another ward: the query itself is scoped). */
export async function loadPetition(req: Request, id: number) {
  const p = await findPetition(req.deps.db, req.user!, id, today(req));
  if (!p) throw new NotFoundError();
  return p;
}

/** Whether another feature has registered the status-sheet PDF route (the outputs work adds it). */
const pdfRoute = (req: Request) => (req.app.locals.routes as { method: string; path: string }[] | undefined)
  ?.some((r) => r.method === 'get' && /^\/petitions\/:[A-Za-z]+\/pdf$/.test(r.path)) ?? false;

/** Stage 6's record: the meeting case it points at, for those who may read meetings. */
async function meetingCaseHref(req: Request, caseId: number | null): Promise<string | null> {
  if (caseId === null || !can(req.user, 'meetings:read')) return null;
  const c = await req.deps.db('meeting_cases').where({ id: caseId }).first('meeting_id');
  return c ? `/meetings/${c.meeting_id}/cases/${caseId}` : null;
}

/**
 * The petition page: person (what this role may see), stages, forms to record progress,
 * relatives, documents, the record and its history. Every rendering is audited as a view.
 */
export async function renderPetition(req: Request, res: Response, id: number, status = 200, extra: Rerender = {}) {
  const { db } = req.deps;
  const user = req.user!;
  const p = await loadPetition(req, id);
  const [o, stages, relatives, docs, motiveIds, history, threshold, person] = await Promise.all([
    loadPetitionOptions(db), stagesOf(db, user, id), relativesOf(db, user, id), documentsOf(db, user, id),
    motiveIdsOf(db, user, id), historyOf(db, user, id), stallDays(db),
    can(user, 'persons:read') ? staffPersonSummary(db, p.person_id) : wardPersonSummary(db, p.person_id),
  ]);
  const byStage = new Map(stages.map((s) => [s.stage, s]));
  const documents = offered(o.lists.petition_document, [...docs.keys()])
    .map((d) => ({ ...d, gathered: docs.has(d.id), on: docs.get(d.id) ?? null }));
  const values: Record<string, unknown> = { stage_status: 'done', stage_on: today(req), close_on: today(req) };
  for (const d of documents) values[`doc_${d.id}_on`] = d.on ?? '';
  const matchingHref = await meetingCaseHref(req, p.meeting_case_id);
  await audit(req, 'petition.view', 'petition', id);
  renderFormPage(res, 'petitions/show', {
    p, person, personLink: can(user, 'persons:read'), threshold,
    stalled: p.current_stage !== null && p.days_in_stage !== null && p.days_in_stage >= threshold,
    stageRows: STAGES.map((def) => ({ def, row: byStage.get(def.no) ?? null, current: def.no === p.current_stage })),
    lastStage: stages.length ? stages[stages.length - 1] : null,
    closeKinds: CLOSE_KINDS.filter((k) => k !== '完了' || p.current_stage === CLOSING_STAGE),
    matchingHref,
    groups: FIELD_GROUPS.map((g) => ({ legend: g.legend, stage: g.stage, rows: g.fields.map((f) => ({ label: f.label, value: displayValue(o, f, p[f.name]) })) })),
    motives: motivesText(o, motiveIds),
    relatives, documents, history, historyLimit: HISTORY_LIMIT, statusLabels: STAGE_STATUS_LABELS, replies: RELATIVE_REPLIES,
    canWrite: can(user, 'petitions:write'), canProgress: can(user, 'petitions:progress'), hasPdf: pdfRoute(req),
    values,
  }, extra, status);
}
