import { Request, Response } from 'express';
import { flash } from '../../../http/flash';
import { fieldError, parseForm, parseFormAsync } from '../../../http/forms';
import { SecureRouter } from '../../../http/routes';
import { toWareki } from '../../../lib/dates';
import { PeriodKind, PERIOD_KINDS } from '../roster/guardian-status';
import { loadGuardian, renderGuardian } from '../roster/guardians-page';
import { GuardianRow, periodsOf } from '../roster/guardians-queries';
import { bankSchema, cooperatorEndSchema, cooperatorSchema, withdrawSchema } from '../roster/guardians-schema';
import { closePeriod, closeRefusal, registerBank, startCooperator, StepOutcome } from './guardians-steps-service';
import { renderConflictPage } from '../../../http/conflict';
import { today } from '../../../http/today';

interface Close { kind: PeriodKind; on: string; reason: string | null }

/** The conflict page of a closing step: the end date and reason sent, and the period as stored now. */
async function conflict(req: Request, res: Response, g: GuardianRow, mine: Close) {
  const now = (await periodsOf(req.deps.db, g.id, mine.kind)).pop();
  renderConflictPage(res, {
    backHref: `/guardians/${g.id}`,
    rows: [
      { label: `${PERIOD_KINDS[mine.kind]}の終了日`, mine: toWareki(mine.on), theirs: now?.ended_on ? toWareki(now.ended_on) : '（終了していません）' },
      { label: '理由', mine: mine.reason ?? '', theirs: now?.end_reason ?? '' },
    ],
  });
}

/** After a step: back to the page with a flash, the conflict page, or the page again (400) with the reason next to the field. */
async function answer(req: Request, res: Response, outcome: StepOutcome, done: string, close?: Close) {
  const g = await loadGuardian(req);
  if (outcome.ok) {
    flash(req, done);
    return res.redirect(303, `/guardians/${g.id}`);
  }
  if ('conflict' in outcome) return conflict(req, res, g, close!);
  return renderGuardian(req, res, g, 400, { ...fieldError(outcome.field, outcome.message), values: req.body ?? {}, bankMissing: outcome.missing });
}

/** The bank registration (gated), its withdrawal, and the 協力員 start and end, on the roster record's page. */
export function stepsRoutes(r: SecureRouter): void {
  r.post('/guardians/:guardianId/bank', 'guardians:write', async (req, res) => {
    const g = await loadGuardian(req);
    const form = parseForm(bankSchema(today(req)), req.body);
    if (!form.ok) return renderGuardian(req, res, g, 400, { ...form, values: req.body ?? {} });
    await answer(req, res, await registerBank(req, g.id, form.data.bank_on), 'バンク登録を記録しました。');
  });

  r.post('/guardians/:guardianId/bank/withdraw', 'guardians:write', async (req, res) => {
    const g = await loadGuardian(req);
    const form = await parseFormAsync(withdrawSchema(today(req)), req.body, async (f) => {
      const refused = f.withdraw_on ? closeRefusal(await periodsOf(req.deps.db, g.id), 'bank', f.withdraw_on) : null;
      return refused ? { withdraw_on: refused } : {};
    });
    if (!form.ok) return renderGuardian(req, res, g, 400, { ...form, values: req.body ?? {} });
    const { withdraw_on: on, withdraw_reason: reason, version } = form.data;
    const outcome = await closePeriod(req, g.id, 'bank', { on, reason, version }, 'withdraw_on');
    await answer(req, res, outcome, 'バンク登録の抹消を記録しました（登録の履歴は残ります）。', { kind: 'bank', on, reason });
  });

  r.post('/guardians/:guardianId/cooperator', 'guardians:write', async (req, res) => {
    const g = await loadGuardian(req);
    const form = parseForm(cooperatorSchema(today(req)), req.body);
    if (!form.ok) return renderGuardian(req, res, g, 400, { ...form, values: req.body ?? {} });
    await answer(req, res, await startCooperator(req, g.id, form.data.coop_on), '法人後見協力員の開始を記録しました。');
  });

  r.post('/guardians/:guardianId/cooperator/end', 'guardians:write', async (req, res) => {
    const g = await loadGuardian(req);
    const form = await parseFormAsync(cooperatorEndSchema(today(req)), req.body, async (f) => {
      const refused = f.coop_end_on ? closeRefusal(await periodsOf(req.deps.db, g.id), 'cooperator', f.coop_end_on) : null;
      return refused ? { coop_end_on: refused } : {};
    });
    if (!form.ok) return renderGuardian(req, res, g, 400, { ...form, values: req.body ?? {} });
    const { coop_end_on: on, coop_end_reason: reason, version } = form.data;
    const outcome = await closePeriod(req, g.id, 'cooperator', { on, reason, version }, 'coop_end_on');
    await answer(req, res, outcome, '法人後見協力員の終了を記録しました。', { kind: 'cooperator', on, reason });
  });
}
