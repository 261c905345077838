import { z } from 'zod';
import { dateField, intField, versionField } from '../../http/schema-fields';
import { caseNumber, optionalText, optionalYen, requiredOneOf, requiredText, selectId } from '../petitions/petitions-form-fields';
import { SUBSIDY_MESSAGES as M } from './subsidies-messages';
import { ELIGIBILITIES, FUNDING_LINES, PETITION_TYPES } from './subsidies-values';

/** The ids each select offered (active entries plus the record's own; the person's petitions). */
export interface Allowed { ward_id: Set<number>; guardian_relation_id: Set<number>; petition_id: Set<number> }

/** Months: 0–120, blank meaning 0 (全角 digits accepted). */
function months(message: string) {
  const int = intField(message, 0, 120);
  return z.unknown().optional().transform((v, ctx) => {
    const s = typeof v === 'string' ? v.trim() : v === undefined ? '' : null;
    if (s === '') return 0;
    const r = int.safeParse(s);
    if (!r.success) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return r.data;
  });
}

const requiredYen = (message: string) => optionalYen(message).pipe(z.number({ error: message }));
const requiredId = (allowed: Set<number>, message: string) => selectId(allowed, message, true).pipe(z.number({ error: message }));

function recordFields(a: Allowed) {
  return {
    petition_id: selectId(a.petition_id, M.petition_id),
    ward_id: requiredId(a.ward_id, M.ward_id),
    received_on: dateField(M.received_on),
    guardian_name: requiredText(100, M.guardian_name),
    guardian_relation_id: requiredId(a.guardian_relation_id, M.guardian_relation_id),
    petition_type: requiredOneOf(PETITION_TYPES, M.petition_type),
    court_decided_on: dateField(M.court_decided_on),
    case_number: caseNumber(M.case_number),
    period_from: dateField(M.period_from),
    period_to: dateField(M.period_to),
    fee_awarded_yen: requiredYen(M.fee_awarded_yen),
    home_months: months(M.home_months),
    facility_months: months(M.facility_months),
    eligibility: requiredOneOf(ELIGIBILITIES, M.eligibility),
    funding_line: requiredOneOf(FUNDING_LINES, M.funding_line),
    granted_yen: optionalYen(M.granted_yen),
    payee: optionalText(100, M.payee),
    confirm_overlap: z.unknown().optional().transform((v) => v === '1'),
  };
}

/** Field order, for the error summary. */
export const FIELD_ORDER = ['person_id', ...Object.keys(recordFields({ ward_id: new Set(), guardian_relation_id: new Set(), petition_id: new Set() })), 'version'];

/** The new form: the record fields (the person is looked up apart, so the cap can be worked out before one is chosen). */
export function createSchema(a: Allowed) {
  return z.object(recordFields(a));
}

export function editSchema(a: Allowed) {
  return z.object({ ...recordFields(a), version: versionField });
}

export type RecordForm = z.infer<ReturnType<typeof editSchema>>;
/** What is stored from the form (the person and the version travel apart). */
export type RecordValues = Omit<RecordForm, 'version' | 'confirm_overlap'>;
