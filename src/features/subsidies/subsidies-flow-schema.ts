/** The forms of the application's steps: each carries the version its page was read at. */
import { z } from 'zod';
import { FieldErrors } from '../../http/forms';
import { dateField, versionField } from '../../http/schema-fields';
import { optionalText, requiredOneOf, requiredText } from '../petitions/petitions-form-fields';
import { SUBSIDY_MESSAGES as M } from './subsidies-messages';
import { DECISIONS } from './subsidies-values';

export const reviewSchema = z.object({ version: versionField });

export const decisionSchema = z.object({
  decision: requiredOneOf(DECISIONS, M.decision),
  decided_on: dateField(M.decided_on),
  decision_number: requiredText(50, M.decision_number),
  decision_reason: optionalText(1000, M.decision_reason),
  version: versionField,
});
export type DecisionForm = z.infer<typeof decisionSchema>;

export const paymentSchema = z.object({
  paid_on: dateField(M.paid_on),
  payee: requiredText(100, M.payeeRequired),
  version: versionField,
});
export type PaymentForm = z.infer<typeof paymentSchema>;

export const deleteSchema = z.object({ deleted_reason: requiredText(500, M.deleted_reason), version: versionField });

/** A decision: not in the future, not before the court's fee decision; a rejection says why. */
export function decisionErrors(d: DecisionForm, courtDecidedOn: string, today: string): FieldErrors {
  const e: FieldErrors = {};
  if (d.decided_on > today) e.decided_on = M.future;
  else if (d.decided_on < courtDecidedOn) e.decided_on = M.decidedBeforeCourt;
  if (d.decision === '却下' && !d.decision_reason) e.decision_reason = M.decision_reason;
  return e;
}

/** A payment: not in the future, not before the decision. */
export function paymentErrors(p: PaymentForm, decidedOn: string, today: string): FieldErrors {
  if (p.paid_on > today) return { paid_on: M.future };
  if (p.paid_on < decidedOn) return { paid_on: M.paidBeforeDecided };
  return {};
}
