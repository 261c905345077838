import { z } from 'zod';
import { FieldErrors, FormResult, parseForm } from '../../../http/forms';
import {
  caseNumber, checkedIds, FIELD_MESSAGES as F, requiredIdField, oneOf, optionalBool, optionalDateField, optionalText, optionalYen, requiredOneOf,
  requiredSelectId, selectId, versionField,
} from '../../../http/schema-fields';
import { EarlierDate, latestBefore, notBeforeEarlier, RecordedStage, stageDates } from '../stages/petition-stages';
import { fieldDef, FIELD_NAMES, PetitionField, PetitionValues, REASONS, URGENCIES } from '../petitions-fields';
import { Allowed } from '../petitions-options';

const date = (label: string) => F.date(label);
const yen = (label: string) => F.yen(label);

export const PETITION_MESSAGES = {
  person: '本人を検索して選んでください',
  searchKana: '検索する氏名カナを入力してください',
  ward: '区を一覧から選択してください',
  legal_basis_id: '根拠法を一覧から選択してください',
  reason: '市長申立ての理由を一覧から選択してください',
  reason_note: F.tooLong('理由の補足', 1000),
  reasonNoteRequired: '理由が「その他」のときは補足を入力してください',
  urgency: '緊急度を「通常」か「緊急」から選択してください',
  referral_source: F.tooLong('紹介元', 200),
  type_sought_id: '申し立てる類型を後見・保佐・補助から選択してください',
  motives: '申立ての動機を一覧から選択してください',
  survey_visit_on: date('訪問日'),
  person_wishes: F.tooLong('本人の意向', 2000),
  diagnosis: F.tooLong('診断名', 200),
  doctor_name: F.tooLong('医師名', 100),
  medical_certificate_on: date('診断書の日付'),
  capacity_opinion: F.tooLong('医師の所見', 2000),
  matching_recommendation: F.tooLong('受任調整会議の推薦', 2000),
  approved_on: date('決裁日'),
  approval_number: F.tooLong('決裁番号', 50),
  filed_on: date('申立日'),
  case_number: '事件番号は「令和7年(家)第1234号」の形で入力してください',
  fee_filing_yen: yen('申立手数料'),
  fee_registration_yen: yen('登記手数料'),
  fee_postage_yen: yen('郵便切手'),
  fee_appraisal_yen: yen('鑑定費用'),
  decided_on: date('審判日'),
  decision_type_id: '審判の類型を後見・保佐・補助から選択してください',
  guardian_name: F.tooLong('後見人等の氏名', 100),
  guardian_relation_id: '後見人等の種別を一覧から選択してください',
  supervisor_appointed: '監督人の選任を「あり」か「なし」から選択してください',
  finalized_on: date('確定日'),
  registered_on: date('登記日'),
  future: '未来の日付は入力できません',
} as const;
const M = PETITION_MESSAGES;

/** The record's date fields that are a stage's completion (決裁日 … 登記日), with their stage. */
export const STAGE_DATE_FIELDS: Partial<Record<number, PetitionField>> = {
  7: 'approved_on', 8: 'filed_on', 9: 'decided_on', 10: 'finalized_on', 11: 'registered_on',
};
const DATED_STAGES = Object.entries(STAGE_DATE_FIELDS).map(([stage, field]) => ({ stage: Number(stage), field: field as PetitionField }));

/** The record's stage dates (stored or as typed) as earlier dates a later step may not precede. */
export function recordDates(v: Partial<Record<PetitionField, unknown>>): EarlierDate[] {
  return DATED_STAGES.filter((d) => typeof v[d.field] === 'string')
    .map((d) => ({ stage: d.stage, on: v[d.field] as string, what: fieldDef(d.field).label }));
}

function fieldSchemas(a: Allowed) {
  return {
    ward_id: requiredSelectId(a.ward_id, M.ward),
    legal_basis_id: selectId(a.legal_basis_id, M.legal_basis_id),
    reason: oneOf(REASONS, M.reason),
    reason_note: optionalText('理由の補足', 1000),
    urgency: requiredOneOf(URGENCIES, M.urgency),
    referral_source: optionalText('紹介元', 200),
    type_sought_id: selectId(a.type_sought_id, M.type_sought_id),
    survey_visit_on: optionalDateField('訪問日'),
    person_wishes: optionalText('本人の意向', 2000),
    diagnosis: optionalText('診断名', 200),
    doctor_name: optionalText('医師名', 100),
    medical_certificate_on: optionalDateField('診断書の日付'),
    capacity_opinion: optionalText('医師の所見', 2000),
    matching_recommendation: optionalText('受任調整会議の推薦', 2000),
    approved_on: optionalDateField('決裁日'),
    approval_number: optionalText('決裁番号', 50),
    filed_on: optionalDateField('申立日'),
    case_number: caseNumber(M.case_number),
    fee_filing_yen: optionalYen('申立手数料'),
    fee_registration_yen: optionalYen('登記手数料'),
    fee_postage_yen: optionalYen('郵便切手'),
    fee_appraisal_yen: optionalYen('鑑定費用'),
    decided_on: optionalDateField('審判日'),
    decision_type_id: selectId(a.decision_type_id, M.decision_type_id),
    guardian_name: optionalText('後見人等の氏名', 100),
    guardian_relation_id: selectId(a.guardian_relation_id, M.guardian_relation_id),
    supervisor_appointed: optionalBool(M.supervisor_appointed),
    finalized_on: optionalDateField('確定日'),
    registered_on: optionalDateField('登記日'),
  } satisfies Record<PetitionField, z.ZodType>;
}

/** The edit form: every record field, the motives, and the version read. */
export function editSchema(a: Allowed) {
  return z.object({ ...fieldSchemas(a), motive_ids: checkedIds(a.motive_ids, M.motives), version: versionField });
}
export type EditForm = PetitionValues & { motive_ids: number[]; version: number };

/** The new-petition form: the person and the intake (stage 1) fields. */
export function createSchema(a: Allowed) {
  const f = fieldSchemas(a);
  return z.object({
    person_id: requiredIdField(M.person),
    ward_id: f.ward_id, legal_basis_id: f.legal_basis_id, reason: f.reason, reason_note: f.reason_note, urgency: f.urgency,
    referral_source: f.referral_source, type_sought_id: f.type_sought_id, motive_ids: checkedIds(a.motive_ids, M.motives),
  });
}
export type CreateForm = z.infer<ReturnType<typeof createSchema>>;

/**
 * Rules across fields and against today, on the values that parsed: 「その他」 needs its note; no
 * date in the future; each stage's date (決裁日 → 申立日 → 審判日 → 確定日 → 登記日) not before the
 * dates of the steps it follows — the record's own, as typed, and the recorded stages' completions.
 */
function crossErrors(v: Partial<PetitionValues>, today: string, recorded: RecordedStage[]): FieldErrors {
  const e: FieldErrors = {};
  if (v.reason === 'その他' && v.reason_note === null) e.reason_note = M.reasonNoteRequired;
  for (const n of FIELD_NAMES) {
    const val = v[n];
    if (n.endsWith('_on') && typeof val === 'string' && val > today) e[n] = M.future;
  }
  const known = [...stageDates(recorded), ...recordDates(v)];
  for (const { stage, field } of DATED_STAGES) {
    const on = v[field];
    if (e[field] || typeof on !== 'string') continue;
    const latest = latestBefore(known, stage, on);
    if (latest) e[field] = notBeforeEarlier(fieldDef(field).label, latest);
  }
  return e;
}

const ORDER = ['person_id', ...FIELD_NAMES, 'motive_ids', 'version'];

/** Parses with the schema and the cross-field rules in one round; errors in form order. `recorded`: the petition's stages (none when new). */
export function validateRecord<S extends z.ZodTypeAny>(schema: S, body: unknown, today: string, recorded: RecordedStage[] = []): FormResult<z.infer<S>> {
  return parseForm(schema, body, (v) => crossErrors(v as Partial<PetitionValues>, today, recorded), ORDER);
}
