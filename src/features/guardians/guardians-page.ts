/** The roster record's page: details, status, history, the step forms and the cases; every rendering audited. */
import { Request, Response } from 'express';
import { audit } from '../../audit/audit-writer';
import { NotFoundError } from '../../http/errors';
import { renderFormPage, Rerender } from '../../http/forms';
import { idParam } from '../../http/params';
import { can } from '../../policy';
import { candidaciesOf, appointmentsOf, enrolmentsOf, findGuardian, followupsOf, gatingFacts, GuardianRow, periodsOf } from './guardians-queries';
import { missingBankConditions } from './guardian-gating';
import { statusLabel } from './guardian-status';
import { guardianHistory } from './guardians-history';
import { today } from '../../http/today';

/** The roster record named by :guardianId, or 404. */
export async function loadGuardian(req: Request): Promise<GuardianRow> {
  const g = await findGuardian(req.deps.db, idParam(req, 'guardianId'));
  if (!g) throw new NotFoundError();
  return g;
}

/** The page shown again after a step was refused; `bankMissing`: the bank conditions not met on the date sent. */
export type PageExtra = Rerender & { bankMissing?: string[] };

export async function renderGuardian(req: Request, res: Response, g: GuardianRow, status = 200, extra: PageExtra = {}) {
  const { db } = req.deps;
  const [enrolments, followups, periods, appointments, facts, candidacies] = await Promise.all([
    enrolmentsOf(db, g.id), followupsOf(db, g.id), periodsOf(db, g.id), appointmentsOf(db, g.id), gatingFacts(db, g.id), candidaciesOf(db, g.id),
  ]);
  const open = (kind: string) => periods.find((p) => p.kind === kind && p.ended_on === null) ?? null;
  const day = today(req);
  await audit(req, 'guardian.view', 'citizen_guardian', g.id);
  renderFormPage(res, 'guardians/show', {
    g, statusLabel: statusLabel(g.status),
    history: guardianHistory({ activityStartedOn: g.activity_started_on, enrolments, followups, periods, appointments }),
    followupCount: followups.length, appointments, candidacies, meetingLink: can(req.user, 'meetings:read'),
    openBank: open('bank'), openCooperator: open('cooperator'),
    bankToday: missingBankConditions(facts, day), bankMissing: extra.bankMissing ?? [],
    canWrite: can(req.user, 'guardians:write'),
    values: { bank_on: day, withdraw_on: day, coop_on: day, coop_end_on: day },
  }, extra, status);
}
