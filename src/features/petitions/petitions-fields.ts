/**
 * The fields of a petition record in form order: label, kind and the stage they belong to.
 * The edit form, the detail page, the history and the conflict page all walk this one list.
 */
import { toWareki } from '../../lib/dates';
import { labelOf, wardLabel } from '../masters';
import type { PetitionOptions } from './petitions-options';

export const REASONS = ['親族なし', '親族拒否', '虐待', 'その他'] as const;
export const URGENCIES = ['通常', '緊急'] as const;

export interface PetitionValues {
  ward_id: number;
  legal_basis_id: number | null;
  reason: string | null;
  reason_note: string | null;
  urgency: string;
  referral_source: string | null;
  type_sought_id: number | null;
  survey_visit_on: string | null;
  person_wishes: string | null;
  diagnosis: string | null;
  doctor_name: string | null;
  medical_certificate_on: string | null;
  capacity_opinion: string | null;
  matching_recommendation: string | null;
  approved_on: string | null;
  approval_number: string | null;
  filed_on: string | null;
  case_number: string | null;
  fee_filing_yen: number | null;
  fee_registration_yen: number | null;
  fee_postage_yen: number | null;
  fee_appraisal_yen: number | null;
  decided_on: string | null;
  decision_type_id: number | null;
  guardian_name: string | null;
  guardian_relation_id: number | null;
  supervisor_appointed: boolean | null;
  finalized_on: string | null;
  registered_on: string | null;
}
export type PetitionField = keyof PetitionValues;

export type FieldKind = 'text' | 'multiline' | 'date' | 'code' | 'ward' | 'yen' | 'bool' | 'reason' | 'urgency';

export interface FieldDef { name: PetitionField; label: string; kind: FieldKind; hint?: string }
export interface FieldGroup { legend: string; stage: number | null; fields: FieldDef[] }

export const FIELD_GROUPS: FieldGroup[] = [
  { legend: '区', stage: null, fields: [{ name: 'ward_id', label: '区', kind: 'ward', hint: '申立てを担当する区（受付時は本人の区）' }] },
  { legend: '1 相談受付', stage: 1, fields: [
    { name: 'legal_basis_id', label: '根拠法', kind: 'code' },
    { name: 'reason', label: '市長申立ての理由', kind: 'reason' },
    { name: 'reason_note', label: '理由の補足', kind: 'multiline', hint: '「その他」のときは必ず入力します（1,000文字以内）' },
    { name: 'urgency', label: '緊急度', kind: 'urgency' },
    { name: 'referral_source', label: '紹介元', kind: 'text', hint: '例：ささえりあ天神、病院の医療ソーシャルワーカー（200文字以内）' },
    { name: 'type_sought_id', label: '申し立てる類型', kind: 'code' },
  ] },
  { legend: '2 本人調査', stage: 2, fields: [
    { name: 'survey_visit_on', label: '訪問日', kind: 'date' },
    { name: 'person_wishes', label: '本人の意向', kind: 'multiline' },
    { name: 'diagnosis', label: '診断名', kind: 'text' },
  ] },
  { legend: '4 診断書・本人情報シート', stage: 4, fields: [
    { name: 'doctor_name', label: '医師名', kind: 'text' },
    { name: 'medical_certificate_on', label: '診断書の日付', kind: 'date' },
    { name: 'capacity_opinion', label: '判断能力についての医師の所見', kind: 'multiline' },
  ] },
  { legend: '6 受任調整', stage: 6, fields: [
    { name: 'matching_recommendation', label: '受任調整会議の推薦', kind: 'multiline', hint: '推薦された後見人等の種別・候補者と理由' },
  ] },
  { legend: '7 決裁', stage: 7, fields: [
    { name: 'approved_on', label: '決裁日', kind: 'date' },
    { name: 'approval_number', label: '決裁番号', kind: 'text' },
  ] },
  { legend: '8 家裁申立て', stage: 8, fields: [
    { name: 'filed_on', label: '申立日', kind: 'date' },
    { name: 'case_number', label: '事件番号', kind: 'text', hint: '例：令和7年(家)第1234号（全角のかっこ・数字も使えます）' },
    { name: 'fee_filing_yen', label: '申立手数料（円）', kind: 'yen' },
    { name: 'fee_registration_yen', label: '登記手数料（円）', kind: 'yen' },
    { name: 'fee_postage_yen', label: '郵便切手（円）', kind: 'yen' },
    { name: 'fee_appraisal_yen', label: '鑑定費用（円）', kind: 'yen' },
  ] },
  { legend: '9 審判', stage: 9, fields: [
    { name: 'decided_on', label: '審判日', kind: 'date' },
    { name: 'decision_type_id', label: '審判の類型', kind: 'code' },
    { name: 'guardian_name', label: '選任された後見人等の氏名', kind: 'text' },
    { name: 'guardian_relation_id', label: '後見人等の種別', kind: 'code', hint: '成年後見人等と本人との関係（最高裁の概況の区分）' },
    { name: 'supervisor_appointed', label: '監督人の選任', kind: 'bool' },
  ] },
  { legend: '10 確定・11 登記', stage: 10, fields: [
    { name: 'finalized_on', label: '確定日', kind: 'date' },
    { name: 'registered_on', label: '登記日', kind: 'date' },
  ] },
];

export const FIELDS: FieldDef[] = FIELD_GROUPS.flatMap((g) => g.fields);
export const FIELD_NAMES = FIELDS.map((f) => f.name);
/** What the new-petition form asks (the intake); the rest is filled in as the stages go. */
export const INTAKE_FIELDS: PetitionField[] = ['ward_id', ...FIELD_GROUPS[1].fields.map((f) => f.name)];

export const fieldDef = (name: PetitionField): FieldDef => FIELDS.find((f) => f.name === name)!;

/** A stored or submitted value as a person reads it: 和暦 dates, labels for ids, yen with commas. */
export function displayValue(o: PetitionOptions, def: FieldDef, v: unknown): string {
  if (v === null || v === undefined || v === '') return '';
  switch (def.kind) {
    case 'date': return toWareki(String(v));
    case 'code': return labelOf(o, Number(v));
    case 'ward': return wardLabel(o, Number(v));
    case 'yen': return `${Number(v).toLocaleString('ja-JP')}円`;
    case 'bool': return v === true || v === 'true' ? 'あり' : 'なし';
    default: return String(v);
  }
}

export const MOTIVES_LABEL = '申立ての動機';

/** The chosen motives as one line, in master order. */
export function motivesText(o: PetitionOptions, ids: number[]): string {
  return o.lists.petition_motive.filter((m) => ids.includes(m.id)).map((m) => m.label).join('、');
}

/** Only the record's fields of a row (e.g. a petitions row with more columns). */
export function pickValues(row: Record<string, unknown>): PetitionValues {
  return Object.fromEntries(FIELD_NAMES.map((n) => [n, row[n] ?? null])) as unknown as PetitionValues;
}
