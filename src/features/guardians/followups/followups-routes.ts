import { Request, Response } from 'express';
import { audit } from '../../../audit/audit-writer';
import { NotFoundError } from '../../../http/errors';
import { flash } from '../../../http/flash';
import { fieldError, FormErrors, parseForm, renderFormPage } from '../../../http/forms';
import { idParam } from '../../../http/params';
import { SecureRouter } from '../../../http/routes';
import { toWareki } from '../../../lib/dates';
import { can } from '../../../policy';
import { statusLabel } from '../roster/guardian-status';
import { attendeeIds, findSession, listSessions, SessionRow } from './followups-queries';
import { FOLLOWUP_MESSAGES, followupEditSchema, FollowupForm, followupSchema } from './followups-schema';
import { createSession, updateSession } from './followups-service';

import { rosterChoices } from '../roster/guardians-queries';
import { renderConflictPage } from '../../../http/conflict';
import { today } from '../../../http/today';

const checked = (v: unknown) => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]).map(String);

async function roster(req: Request) {
  return (await rosterChoices(req.deps.db)).map((g) => ({ ...g, status: statusLabel(g.status) }));
}

async function renderForm(req: Request, res: Response, view: string, locals: Record<string, unknown>, values: Record<string, unknown>, status = 200, e?: FormErrors) {
  renderFormPage(res, view, { ...locals, values, checked: checked(values.attendee_ids), roster: await roster(req) }, e, status);
}

async function loadSession(req: Request): Promise<SessionRow> {
  const s = await findSession(req.deps.db, idParam(req, 'sessionId'));
  if (!s) throw new NotFoundError();
  return s;
}

async function conflict(req: Request, res: Response, s: SessionRow, mine: FollowupForm) {
  const now = (await findSession(req.deps.db, s.id))!;
  const names = new Map((await rosterChoices(req.deps.db)).map((g) => [g.id, g.name]));
  const list = (ids: number[]) => ids.map((id) => names.get(id) ?? '').join('、');
  renderConflictPage(res, {
    backHref: `/guardians/followups/${s.id}`,
    rows: [
      { label: '研修日', mine: toWareki(mine.held_on), theirs: toWareki(now.held_on) },
      { label: '研修名', mine: mine.title, theirs: now.title },
      { label: '受講者', mine: list(mine.attendee_ids), theirs: list(await attendeeIds(req.deps.db, s.id)) },
    ],
  });
}

/** フォローアップ研修: the sessions with their attendance (延べ), a new one, and one session's page (its edit for staff). */
export function followupsRoutes(r: SecureRouter): void {
  r.get('/guardians/followups', 'guardians:read', async (req, res) => {
    res.render('guardians/followups', { sessions: await listSessions(req.deps.db), canWrite: can(req.user, 'guardians:write') });
  });

  r.get('/guardians/followups/new', 'guardians:write', (req, res) => renderForm(req, res, 'guardians/followup-new', {}, { held_on: today(req) }));

  r.post('/guardians/followups', 'guardians:write', async (req, res) => {
    const ids = new Set((await rosterChoices(req.deps.db)).map((g) => g.id));
    const form = parseForm(followupSchema(today(req), ids), req.body);
    if (!form.ok) return renderForm(req, res, 'guardians/followup-new', {}, req.body ?? {}, 400, form);
    const result = await createSession(req, form.data);
    if (!result.ok) return renderForm(req, res, 'guardians/followup-new', {}, req.body ?? {}, 400, fieldError('title', FOLLOWUP_MESSAGES.taken));
    flash(req, `フォローアップ研修を登録しました（受講者${form.data.attendee_ids.length}人）。`);
    res.redirect(303, `/guardians/followups/${result.id}`);
  });

  r.get('/guardians/followups/:sessionId', 'guardians:read', async (req, res) => {
    const s = await loadSession(req);
    await audit(req, 'followup.view', 'guardian_followup', s.id);
    const values = { ...s, attendee_ids: (await attendeeIds(req.deps.db, s.id)).map(String) };
    await renderForm(req, res, 'guardians/followup', { s, canWrite: can(req.user, 'guardians:write') }, values);
  });

  r.post('/guardians/followups/:sessionId', 'guardians:write', async (req, res) => {
    const s = await loadSession(req);
    const ids = new Set((await rosterChoices(req.deps.db)).map((g) => g.id));
    const form = parseForm(followupEditSchema(today(req), ids), req.body);
    const locals = { s, canWrite: true };
    if (!form.ok) return renderForm(req, res, 'guardians/followup', locals, req.body ?? {}, 400, form);
    const result = await updateSession(req, s.id, form.data);
    if (!result.ok && result.reason === 'taken') return renderForm(req, res, 'guardians/followup', locals, req.body ?? {}, 400, fieldError('title', FOLLOWUP_MESSAGES.taken));
    if (!result.ok) return conflict(req, res, s, form.data);
    flash(req, 'フォローアップ研修の記録を保存しました。');
    res.redirect(303, `/guardians/followups/${s.id}`);
  });
}
