import { Request } from 'express';
import { flash } from '../../../http/flash';
import { ErrorItem, FieldErrors, fieldError, parseForm, parseFormAsync } from '../../../http/forms';
import { SecureRouter } from '../../../http/routes';
import { CLOSING_STAGE, stageDef } from './petition-stages';
import { closeFormRule, closeSchema, stageFormRule, stageSchema, undoSchema } from '../petitions-progress-schema';
import { renderPetition, scopedId } from '../record/petitions-page';
import { recordStage, STAGE_FORM_FIELDS, stageFacts, stageRefusals, StageInput, undoStage } from './petitions-stage-service';
import { today } from '../../../http/today';

/** The hidden stage number has no field to point at: its error is shown with the choice of the form it came from. */
function onVisibleField(form: { errors: FieldErrors; errorList: ErrorItem[] }, field: string) {
  const move = (f: string) => (f === 'stage' ? field : f);
  const errors: FieldErrors = {};
  for (const [f, m] of Object.entries(form.errors)) errors[move(f)] ??= m;
  return { errors, errorList: form.errorList.map((e) => ({ field: move(e.field), message: e.message })) };
}

/**
 * The stage (or close) form's rule: its own (「不要」 and 取下げ say why), then the order of the
 * stages and the date against the earlier steps — reported with the format errors in one round.
 */
function progressRule<F extends { stage: number }>(req: Request, id: number, closing: boolean, own: (f: Partial<F>) => FieldErrors,
  input: (f: Partial<F>) => { close_kind: StageInput['close_kind']; completed_on?: string }) {
  return async (f: Partial<F>): Promise<FieldErrors> => {
    const errors = own(f);
    if (f.stage === undefined) return errors;
    const { p, recorded } = await stageFacts(req, id);
    const refused = stageRefusals(p, recorded, { stage: f.stage, ...input(f) }, today(req));
    const i = closing ? 1 : 0;
    if (refused.order) errors[STAGE_FORM_FIELDS.order[i]] = refused.order;
    if (refused.date) errors[STAGE_FORM_FIELDS.date[i]] = refused.date;
    return errors;
  };
}

/** The petition page, recording a stage (or the close), and undoing the latest record. */
export function showRoutes(r: SecureRouter): void {
  r.get('/petitions/:petitionId', 'petitions:read', async (req, res) => {
    await renderPetition(req, res, await scopedId(req));
  });

  r.post('/petitions/:petitionId/stages', 'petitions:progress', async (req, res) => {
    const id = await scopedId(req);
    const body = req.body ?? {};
    let input: StageInput;
    if (String(body.stage) === String(CLOSING_STAGE)) {
      const form = await parseFormAsync(closeSchema, body, progressRule(req, id, true, closeFormRule, (f) => ({ close_kind: f.close_kind ?? null, completed_on: f.close_on })));
      if (!form.ok) return renderPetition(req, res, id, 400, { ...onVisibleField(form, 'close_kind'), values: body });
      input = { stage: CLOSING_STAGE, status: 'done', completed_on: form.data.close_on, note: form.data.close_reason, close_kind: form.data.close_kind };
    } else {
      const form = await parseFormAsync(stageSchema, body, progressRule(req, id, false, stageFormRule, (f) => ({ close_kind: null, completed_on: f.stage_on })));
      if (!form.ok) return renderPetition(req, res, id, 400, { ...onVisibleField(form, 'stage_status'), values: body });
      input = { stage: form.data.stage, status: form.data.stage_status, completed_on: form.data.stage_on, note: form.data.stage_note, close_kind: null };
    }
    const outcome = await recordStage(req, id, input, today(req));
    if (!outcome.ok) return renderPetition(req, res, id, 400, { ...fieldError(outcome.field, outcome.message), values: body });
    const what = input.stage === CLOSING_STAGE ? `終結（${input.close_kind}）` : `「${stageDef(input.stage).name}」の${input.status === 'done' ? '完了' : '不要'}`;
    flash(req, `${what}を記録しました。`);
    res.redirect(303, `/petitions/${id}`);
  });

  r.post('/petitions/:petitionId/stages/undo', 'petitions:progress', async (req, res) => {
    const id = await scopedId(req);
    const form = parseForm(undoSchema, req.body);
    if (form.ok && (await undoStage(req, id, form.data.stage))) flash(req, `「${stageDef(form.data.stage).name}」の記録を取り消しました。`);
    else flash(req, '取り消す記録が見つかりませんでした。他の人が先に変更した可能性があります。画面の内容を確認してください。', 'error');
    res.redirect(303, `/petitions/${id}`);
  });
}
