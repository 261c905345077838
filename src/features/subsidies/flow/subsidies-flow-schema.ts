/** The forms of the application's steps: each carries the version its page was read at. */
import { z } from 'zod';
import { FieldErrors } from '../../../http/forms';
import { dateField, optionalText, requiredOneOf, requiredText, versionField } from '../../../http/schema-fields';
import { SUBSIDY_MESSAGES as M } from '../subsidies-form';
import { DECISIONS } from '../subsidies-values';

export const reviewSchema = z.object({ version: versionField });

export const decisionSchema = z.object({
  decision: requiredOneOf(DECISIONS, M.decision),
  decided_on: dateField('決定日'),
  decision_number: requiredText('決定番号', 50),
  decision_reason: optionalText('却下の理由', 1000),
  version: versionField,
});
export type DecisionForm = z.infer<typeof decisionSchema>;

export const paymentSchema = z.object({
  paid_on: dateField('支払日'),
  payee: requiredText('支払先', 100),
  version: versionField,
});
export type PaymentForm = z.infer<typeof paymentSchema>;

export const deleteSchema = z.object({ deleted_reason: requiredText('削除の理由', 500), version: versionField });

/** The dates a step follows: 受付, the court's fee decision, the decision (each may be unknown, e.g. on a ledger row moved in). */
export interface StepDates { received_on: string | null; court_decided_on: string | null; decided_on: string | null }

/** A decision: not in the future, not before the application was received nor before the court's fee decision; a rejection says why. */
export const decisionRule = (s: StepDates, today: string) => (d: Partial<DecisionForm>): FieldErrors => {
  const e: FieldErrors = {};
  if (d.decided_on && d.decided_on > today) e.decided_on = M.future;
  else if (d.decided_on && s.received_on && d.decided_on < s.received_on) e.decided_on = M.decidedBeforeReceived;
  else if (d.decided_on && s.court_decided_on && d.decided_on < s.court_decided_on) e.decided_on = M.decidedBeforeCourt;
  if (d.decision === '却下' && d.decision_reason === null) e.decision_reason = M.decisionReasonRequired;
  return e;
};

/** A payment: not in the future, not before the decision. */
export const paymentRule = (s: StepDates, today: string) => (p: Partial<PaymentForm>): FieldErrors => {
  if (!p.paid_on) return {};
  if (p.paid_on > today) return { paid_on: M.future };
  if (s.decided_on && p.paid_on < s.decided_on) return { paid_on: M.paidBeforeDecided };
  return {};
};
