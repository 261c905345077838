import { z } from 'zod';
import { optionalDateField, versionField } from '../../http/schema-fields';
import { ErrorItem, FieldErrors, FormResult, parseForm } from '../../http/forms';
import { FIELD_NAMES, PetitionField, PetitionValues, REASONS, URGENCIES } from './petitions-fields';
import { caseNumber, checkedIds, oneOf, requiredOneOf, optionalBool, optionalText, optionalYen, selectId } from './petitions-form-fields';
import { Allowed } from './petitions-options';

const DATE_EXAMPLE = '（例：2025-04-01、令和7年4月1日、R7.4.1）';
const date = (label: string) => `${label}を正しい日付で入力してください${DATE_EXAMPLE}`;
const yen = (label: string) => `${label}は0以上の整数（円）で入力してください`;

export const PETITION_MESSAGES = {
  person: '本人を検索して選んでください',
  searchKana: '検索する氏名カナを入力してください',
  ward: '区を一覧から選択してください',
  legal_basis_id: '根拠法を一覧から選択してください',
  reason: '市長申立ての理由を一覧から選択してください',
  reason_note: '理由の補足は1,000文字以内で入力してください',
  reasonNoteRequired: '理由が「その他」のときは補足を入力してください',
  urgency: '緊急度を「通常」か「緊急」から選択してください',
  referral_source: '紹介元は200文字以内で入力してください',
  type_sought_id: '申し立てる類型を後見・保佐・補助から選択してください',
  motives: '申立ての動機を一覧から選択してください',
  survey_visit_on: date('訪問日'),
  person_wishes: '本人の意向は2,000文字以内で入力してください',
  diagnosis: '診断名は200文字以内で入力してください',
  doctor_name: '医師名は100文字以内で入力してください',
  medical_certificate_on: date('診断書の日付'),
  capacity_opinion: '医師の所見は2,000文字以内で入力してください',
  matching_recommendation: '受任調整会議の推薦は2,000文字以内で入力してください',
  approved_on: date('決裁日'),
  approval_number: '決裁番号は50文字以内で入力してください',
  filed_on: date('申立日'),
  case_number: '事件番号は「令和7年(家)第1234号」の形で入力してください',
  fee_filing_yen: yen('申立手数料'),
  fee_registration_yen: yen('登記手数料'),
  fee_postage_yen: yen('郵便切手'),
  fee_appraisal_yen: yen('鑑定費用'),
  decided_on: date('審判日'),
  decision_type_id: '審判の類型を後見・保佐・補助から選択してください',
  guardian_name: '後見人等の氏名は100文字以内で入力してください',
  guardian_relation_id: '後見人等の種別を一覧から選択してください',
  supervisor_appointed: '監督人の選任を「あり」か「なし」から選択してください',
  finalized_on: date('確定日'),
  registered_on: date('登記日'),
  future: '未来の日付は入力できません',
  decidedBeforeFiled: '審判日は申立日以降の日付を入力してください',
  finalizedBeforeDecided: '確定日は審判日以降の日付を入力してください',
  registeredBeforeDecided: '登記日は審判日以降の日付を入力してください',
} as const;
const M = PETITION_MESSAGES;

function fieldSchemas(a: Allowed) {
  return {
    ward_id: selectId(a.ward_id, M.ward, true).pipe(z.number({ error: M.ward })),
    legal_basis_id: selectId(a.legal_basis_id, M.legal_basis_id),
    reason: oneOf(REASONS, M.reason),
    reason_note: optionalText(1000, M.reason_note),
    urgency: requiredOneOf(URGENCIES, M.urgency),
    referral_source: optionalText(200, M.referral_source),
    type_sought_id: selectId(a.type_sought_id, M.type_sought_id),
    survey_visit_on: optionalDateField(M.survey_visit_on),
    person_wishes: optionalText(2000, M.person_wishes),
    diagnosis: optionalText(200, M.diagnosis),
    doctor_name: optionalText(100, M.doctor_name),
    medical_certificate_on: optionalDateField(M.medical_certificate_on),
    capacity_opinion: optionalText(2000, M.capacity_opinion),
    matching_recommendation: optionalText(2000, M.matching_recommendation),
    approved_on: optionalDateField(M.approved_on),
    approval_number: optionalText(50, M.approval_number),
    filed_on: optionalDateField(M.filed_on),
    case_number: caseNumber(M.case_number),
    fee_filing_yen: optionalYen(M.fee_filing_yen),
    fee_registration_yen: optionalYen(M.fee_registration_yen),
    fee_postage_yen: optionalYen(M.fee_postage_yen),
    fee_appraisal_yen: optionalYen(M.fee_appraisal_yen),
    decided_on: optionalDateField(M.decided_on),
    decision_type_id: selectId(a.decision_type_id, M.decision_type_id),
    guardian_name: optionalText(100, M.guardian_name),
    guardian_relation_id: selectId(a.guardian_relation_id, M.guardian_relation_id),
    supervisor_appointed: optionalBool(M.supervisor_appointed),
    finalized_on: optionalDateField(M.finalized_on),
    registered_on: optionalDateField(M.registered_on),
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
    person_id: z.string({ error: M.person }).regex(/^[1-9]\d{0,8}$/, M.person).transform(Number),
    ward_id: f.ward_id, legal_basis_id: f.legal_basis_id, reason: f.reason, reason_note: f.reason_note, urgency: f.urgency,
    referral_source: f.referral_source, type_sought_id: f.type_sought_id, motive_ids: checkedIds(a.motive_ids, M.motives),
  });
}
export type CreateForm = z.infer<ReturnType<typeof createSchema>>;

/** Rules across fields and against today, on values that parsed. */
function crossErrors(v: Partial<PetitionValues>, today: string): FieldErrors {
  const e: FieldErrors = {};
  if (v.reason === 'その他' && !v.reason_note) e.reason_note = M.reasonNoteRequired;
  for (const n of FIELD_NAMES) {
    const val = v[n];
    if (n.endsWith('_on') && typeof val === 'string' && val > today) e[n] = M.future;
  }
  if (!e.decided_on && v.decided_on && v.filed_on && v.decided_on < v.filed_on) e.decided_on = M.decidedBeforeFiled;
  if (!e.finalized_on && v.finalized_on && v.decided_on && v.finalized_on < v.decided_on) e.finalized_on = M.finalizedBeforeDecided;
  if (!e.registered_on && v.registered_on && v.decided_on && v.registered_on < v.decided_on) e.registered_on = M.registeredBeforeDecided;
  return e;
}

const ORDER = ['person_id', ...FIELD_NAMES, 'motive_ids', 'version'];

/** Parses with the schema, then the cross-field rules; errors in form order. */
export function validateRecord<S extends z.ZodTypeAny>(schema: S, body: unknown, today: string): FormResult<z.infer<S>> {
  const parsed = parseForm(schema, body);
  if (!parsed.ok) return parsed;
  const errors = crossErrors(parsed.data as Partial<PetitionValues>, today);
  if (Object.keys(errors).length === 0) return parsed;
  const errorList: ErrorItem[] = Object.entries(errors).map(([field, message]) => ({ field, message }))
    .sort((x, y) => ORDER.indexOf(x.field) - ORDER.indexOf(y.field));
  return { ok: false, errors, errorList };
}
