import { Request, Response } from 'express';
import { flash } from '../../../http/flash';
import { parseForm } from '../../../http/forms';
import { SecureRouter } from '../../../http/routes';
import { renderConflict, loadSubsidy, renderSubsidy, subsidyId } from '../subsidies-page';
import { decide, recordPayment, removeSubsidy, StepResult, toReview } from './subsidies-flow-service';
import { decisionRule, decisionSchema, deleteSchema, paymentRule, paymentSchema, reviewSchema } from './subsidies-flow-schema';
import { today } from '../../../http/today';
import { audit } from '../../../audit/audit-writer';
import { sendDownload } from '../../../http/download';
import { NotFoundError } from '../../../http/errors';
import { NOTICE_TITLES, subsidyNoticePdf } from './subsidies-pdf';

const WRONG_STATE = 'この操作はできません。他の人が先に状況を変えた可能性があります。画面の内容を確認してください。';

/** After a step: its flash and the application page, the conflict page, or the page with a refusal. */
async function answer(req: Request, res: Response, id: number, result: StepResult, done: string, mine: Record<string, unknown>, step: string) {
  if (result === 'conflict') return renderConflict(req, res, id, mine, step);
  flash(req, result === 'ok' ? done : WRONG_STATE, result === 'ok' ? 'success' : 'error');
  res.redirect(303, result === 'ok' && step === '削除' ? '/subsidies' : `/subsidies/${id}`);
}

/** The application page and its steps: to 審査 (staff), 決定 (a manager), 支払 (staff), removal (staff). */
export function showRoutes(r: SecureRouter): void {
  r.get('/subsidies/:subsidyId', 'subsidies:read', async (req, res) => {
    await renderSubsidy(req, res, subsidyId(req));
  });

  r.post('/subsidies/:subsidyId/review', 'subsidies:write', async (req, res) => {
    const id = subsidyId(req);
    await loadSubsidy(req, id);
    const form = parseForm(reviewSchema, req.body);
    if (!form.ok) return renderSubsidy(req, res, id, 400, { ...form, values: req.body });
    await answer(req, res, id, await toReview(req, id, form.data.version), '審査に進めました。', {}, '審査');
  });

  r.post('/subsidies/:subsidyId/decision', 'subsidies:decide', async (req, res) => {
    const id = subsidyId(req);
    const s = await loadSubsidy(req, id);
    const form = parseForm(decisionSchema, req.body, decisionRule(s, today(req)));
    if (!form.ok) return renderSubsidy(req, res, id, 400, { ...form, values: req.body });
    const d = form.data;
    const result = await decide(req, id, d.version, d);
    await answer(req, res, id, result, `${d.decision}を記録しました。`, d, `決定（${d.decision}）`);
  });

  r.post('/subsidies/:subsidyId/payment', 'subsidies:write', async (req, res) => {
    const id = subsidyId(req);
    const s = await loadSubsidy(req, id);
    const form = parseForm(paymentSchema, req.body, paymentRule(s, today(req)));
    if (!form.ok) return renderSubsidy(req, res, id, 400, { ...form, values: req.body });
    await answer(req, res, id, await recordPayment(req, id, form.data.version, form.data), '支払を記録しました。', form.data, '支払');
  });

  r.post('/subsidies/:subsidyId/delete', 'subsidies:write', async (req, res) => {
    const id = subsidyId(req);
    await loadSubsidy(req, id);
    const form = parseForm(deleteSchema, req.body);
    if (!form.ok) return renderSubsidy(req, res, id, 400, { ...form, values: req.body });
    await answer(req, res, id, await removeSubsidy(req, id, form.data.version, form.data.deleted_reason), '申請を削除しました。', {}, '削除');
  });
}

export const SUBSIDY_PRINT_ACTION = 'subsidy.print';

/** GET /subsidies/:id/pdf: the decision notice (決定 or 支払 only; an undecided application has none). */
export function pdfRoutes(r: SecureRouter): void {
  r.get('/subsidies/:subsidyId/pdf', 'subsidies:read', async (req, res) => {
    const id = subsidyId(req);
    const s = await loadSubsidy(req, id);
    if (s.decision !== '承認' && s.decision !== '却下') throw new NotFoundError();
    const pdf = await subsidyNoticePdf(s, req.deps.clock.now());
    await audit(req, SUBSIDY_PRINT_ACTION, 'subsidy', id);
    sendDownload(res, pdf, `${NOTICE_TITLES[s.decision]}_${id}.pdf`, 'pdf', true);
  });
}
