import { z } from 'zod';
import {
  caseNumber, checkbox, dateField, optionalIntField, optionalText, optionalYen, requiredOneOf, requiredSelectId, requiredText, requiredYen, selectId,
  versionField,
} from '../../http/schema-fields';
import { SUBSIDY_MESSAGES as M } from './subsidies-messages';
import { ELIGIBILITIES, FUNDING_LINES, PETITION_TYPES } from './subsidies-values';

/** The ids each select offered (active entries plus the record's own; the person's petitions). */
export interface Allowed { ward_id: Set<number>; guardian_relation_id: Set<number>; petition_id: Set<number> }

/** Months: 0–120, blank meaning 0 (「3か月」 and 全角 digits accepted). */
const months = (label: string, invalid: string) => optionalIntField(label, 0, 120, { invalid, unit: /(か月|ヶ月|ケ月|カ月|ヵ月|月)$/, blank: 0 });

function recordFields(a: Allowed) {
  return {
    petition_id: selectId(a.petition_id, M.petition_id),
    ward_id: requiredSelectId(a.ward_id, M.ward_id),
    received_on: dateField('受付日'),
    guardian_name: requiredText('後見人等の氏名', 100),
    guardian_relation_id: requiredSelectId(a.guardian_relation_id, M.guardian_relation_id),
    petition_type: requiredOneOf(PETITION_TYPES, M.petition_type),
    court_decided_on: dateField('報酬付与審判日'),
    case_number: caseNumber(M.case_number),
    period_from: dateField('対象期間の開始日'),
    period_to: dateField('対象期間の終了日'),
    fee_awarded_yen: requiredYen('報酬付与額'),
    home_months: months('在宅月数', M.home_months),
    facility_months: months('施設月数', M.facility_months),
    eligibility: requiredOneOf(ELIGIBILITIES, M.eligibility),
    funding_line: requiredOneOf(FUNDING_LINES, M.funding_line),
    granted_yen: optionalYen('助成額'),
    payee: optionalText('支払先', 100),
    confirm_overlap: checkbox,
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
