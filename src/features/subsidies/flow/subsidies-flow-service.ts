/**
 * The application's way: 受付 → 審査 (staff) → 決定 承認 / 却下 (a manager) → 支払 (staff, approved
 * only); removal while it is not decided. Each step checks the state and the version read with the
 * page, writes the audit row, in one transaction.
 */
import { Request } from 'express';
import { audit } from '../../../audit/audit-writer';
import { inTransaction, updateVersioned } from '../../../db/tx';
import { EDITABLE_STATUSES } from '../subsidies-service';

export type StepResult = 'ok' | 'conflict' | 'wrong_state';

interface Step {
  /** audit action */
  action: string;
  /** the states (and decision) the step starts from */
  from: (row: { status: string; decision: string | null }) => boolean;
  values: Record<string, unknown>;
}

async function step(req: Request, id: number, version: number, s: Step): Promise<StepResult> {
  const { db, clock } = req.deps;
  return inTransaction(db, async (trx) => {
    const row = await trx('subsidies').where({ id }).whereNull('deleted_at').forUpdate().first('version', 'status', 'decision');
    if (!row || row.version !== version) return 'conflict';
    if (!s.from(row)) return 'wrong_state';
    if (!(await updateVersioned(trx, 'subsidies', id, version, { ...s.values, updated_at: clock.now(), updated_by: req.user!.id }))) return 'conflict';
    await audit(req, s.action, 'subsidy', id, trx);
    return 'ok';
  });
}

export const toReview = (req: Request, id: number, version: number) =>
  step(req, id, version, { action: 'subsidy.review', from: (r) => r.status === '受付', values: { status: '審査' } });

export interface DecisionInput { decision: '承認' | '却下'; decided_on: string; decision_number: string; decision_reason: string | null }

export const decide = (req: Request, id: number, version: number, d: DecisionInput) =>
  step(req, id, version, {
    action: d.decision === '承認' ? 'subsidy.approve' : 'subsidy.reject', from: (r) => r.status === '審査',
    values: { status: '決定', decision: d.decision, decided_on: d.decided_on, decision_number: d.decision_number, decision_reason: d.decision === '却下' ? d.decision_reason : null },
  });

export const recordPayment = (req: Request, id: number, version: number, p: { paid_on: string; payee: string }) =>
  step(req, id, version, { action: 'subsidy.pay', from: (r) => r.status === '決定' && r.decision === '承認', values: { status: '支払', paid_on: p.paid_on, payee: p.payee } });

export const removeSubsidy = (req: Request, id: number, version: number, reason: string) =>
  step(req, id, version, {
    action: 'subsidy.delete', from: (r) => EDITABLE_STATUSES.includes(r.status),
    values: { deleted_at: req.deps.clock.now(), deleted_by: req.user!.id, deleted_reason: reason },
  });
