import { Request, Response } from 'express';
import { SecureRouter } from '../../http/routes';
import { flash } from '../../http/flash';
import { parseForm, renderFormPage, Rerender } from '../../http/forms';
import { idParam, queryString } from '../../http/params';
import { NotFoundError } from '../../http/errors';
import { sendDownload } from '../../http/download';
import { audit } from '../../audit/audit-writer';
import { can } from '../../policy';
import { fiscalYearOf } from '../../lib/dates';
import { displayRows, fromView, consultationPdf, PDF_TITLE } from './consultations-display';
import { entryRoutes, ID, loadConsultation } from './consultations-entry-routes';

import { filterQuery, listConsultations, listFollowUps, parseCursor, parseFilters } from './consultations-list';
import { loadFilterOptions } from './consultations-options';
import { ConsultationView, isDeleted, listDeleted } from './consultations-queries';
import { deleteSchema } from './consultations-schema';
import { deleteConsultation, markFollowUpDone, restoreConsultation } from './consultations-service';
import { today } from '../../http/today';

const DELETED_LIMIT = 200;

async function renderShow(req: Request, res: Response, c: ConsultationView, status = 200, again: Rerender = {}) {
  await audit(req, 'consultation.view', 'consultation', c.id);
  renderFormPage(res, 'consultations/show', { c, rows: displayRows(fromView(c)), canWrite: can(req.user, 'consultations:write'), values: {} }, again, status);
}

/** Lists, detail, PDF, delete / restore and follow-up marking. */
function recordRoutes(r: SecureRouter): void {
  r.get('/consultations', 'consultations:read', async (req, res) => {
    const filters = parseFilters(req);
    const after = parseCursor(queryString(req, 'after'));
    const [page, options] = await Promise.all([
      listConsultations(req.deps.db, filters, today(req), after),
      loadFilterOptions(req.deps.db, fiscalYearOf(today(req))),
    ]);
    // A search by words reads into what people said: audited like a person search (never the words).
    if (filters.q) await audit(req, 'consultation.search', 'consultation', null);
    res.render('consultations/index', {
      filters, options, page, paged: after !== null, canWrite: can(req.user, 'consultations:write'),
      nextHref: page.next ? `/consultations?${filterQuery(filters, page.next)}` : null,
      firstHref: `/consultations?${filterQuery(filters)}`,
    });
  });

  r.get('/consultations/follow-ups', 'consultations:read', async (req, res) => {
    const after = parseCursor(queryString(req, 'after'));
    const page = await listFollowUps(req.deps.db, today(req), after);
    res.render('consultations/follow-ups', {
      page, today: today(req), paged: after !== null, canWrite: can(req.user, 'consultations:write'),
      nextHref: page.next ? `/consultations/follow-ups?after=${page.next.date}.${page.next.id}` : null,
    });
  });

  // The system administrator may restore but reads no case: the reason (free text) is for those who read records.
  r.get('/consultations/deleted', 'consultations:restore', async (req, res) => {
    const showReason = can(req.user, 'consultations:read');
    const rows = await listDeleted(req.deps.db, DELETED_LIMIT + 1, showReason);
    res.render('consultations/deleted', { rows: rows.slice(0, DELETED_LIMIT), more: rows.length > DELETED_LIMIT, showReason });
  });

  r.get(`/consultations/${ID}`, 'consultations:read', async (req, res) => renderShow(req, res, await loadConsultation(req)));

  r.get(`/consultations/${ID}/pdf`, 'consultations:read', async (req, res) => {
    const c = await loadConsultation(req);
    const pdf = await consultationPdf(c, req.deps.clock.now());
    await audit(req, 'consultation.print', 'consultation', c.id);
    sendDownload(res, pdf, `${PDF_TITLE}_${c.id}.pdf`, 'pdf', true);
  });

  r.post(`/consultations/${ID}/delete`, 'consultations:write', async (req, res) => {
    const c = await loadConsultation(req);
    const form = parseForm(deleteSchema, req.body);
    if (!form.ok) return renderShow(req, res, c, 400, { ...form, values: req.body ?? {} });
    await deleteConsultation(req, c.id, form.data.reason);
    flash(req, `相談記録（記録番号 ${c.id}）を削除しました。一覧・集計から除かれます。`);
    res.redirect(303, '/consultations');
  });

  r.post(`/consultations/${ID}/restore`, 'consultations:restore', async (req, res) => {
    const id = idParam(req, 'consultationId');
    if (!(await isDeleted(req.deps.db, id))) throw new NotFoundError();
    await restoreConsultation(req, id);
    flash(req, `相談記録（記録番号 ${id}）を元に戻しました。`);
    res.redirect(303, '/consultations/deleted');
  });

  r.post(`/consultations/${ID}/follow-up-done`, 'consultations:write', async (req, res) => {
    const c = await loadConsultation(req);
    const done = await markFollowUpDone(req, c.id);
    flash(req, done ? `記録番号 ${c.id} のフォローアップを完了にしました。` : 'このフォローアップは既に完了しています。', done ? 'success' : 'error');
    res.redirect(303, queryString(req, 'back') === 'record' ? `/consultations/${c.id}` : '/consultations/follow-ups');
  });
}

/**
 * Consultation routes. The id parameter only matches digits (others fall through with
 * next('route')), so a later '/consultations/import' or similar is not swallowed.
 */
export function consultationsRoutes(r: SecureRouter): void {
  r.router.param('consultationId', (_req, _res, next, value: string) => {
    next(/^\d{1,9}$/.test(value) ? undefined : 'route');
  });
  entryRoutes(r);
  recordRoutes(r);
}
