import { z } from 'zod';
import { caseNumber, checkbox, dateField, optionalIntField, optionalText, optionalYen, requiredOneOf, requiredSelectId, requiredText, requiredYen, selectId, versionField, FIELD_MESSAGES as F } from '../../http/schema-fields';
import { ELIGIBILITIES, FUNDING_LINES, PETITION_TYPES, yenText } from './subsidies-values';
import { toWareki } from '../../lib/dates';
import { labelOf, wardLabel } from '../masters';
import type { SubsidyOptions } from './subsidies-options';

/** The Japanese messages of the subsidy forms, shown next to the field they are about. */
/** 「決定日は受付日以降の日付を入力してください」: a step's date against the step it follows. */
export const notBefore = (label: string, earlier: string) => `${label}は${earlier}以降の日付を入力してください`;

export const SUBSIDY_MESSAGES = {
  person: '本人を検索して選んでください',
  searchKana: '検索する氏名カナを入力してください',
  petition_id: '関連する市長申立てを一覧から選択してください',
  ward_id: '区を一覧から選択してください',
  received_on: F.date('受付日'),
  receivedBeforeCourt: notBefore('受付日', '報酬付与審判日'),
  guardian_name: F.tooLong('後見人等の氏名', 100),
  guardian_relation_id: '後見人等の種別を一覧から選択してください',
  relative: (label: string) => `後見人等が親族（${label}）の場合は報酬助成の対象外です。申請は受け付けられません`,
  petition_type: '申立種別を「市長」「本人」「親族」から選択してください',
  petitionTypeMayor: '市長申立てを選んだときは、申立種別は「市長」です',
  court_decided_on: F.date('報酬付与審判日'),
  case_number: '事件番号は「令和7年(家)第1234号」の形で入力してください',
  period_from: F.date('対象期間の開始日'),
  period_to: F.date('対象期間の終了日'),
  periodOrder: notBefore('対象期間の終了日', '開始日'),
  fee_awarded_yen: F.yen('報酬付与額'),
  home_months: '在宅月数は0〜120の整数で入力してください',
  facility_months: '施設月数は0〜120の整数で入力してください',
  noMonths: '在宅月数と施設月数の合計は1か月以上にしてください',
  tooManyMonths: (n: number) => `在宅月数と施設月数の合計が対象期間の月数（${n}か月）を超えています`,
  eligibility: '助成の要件を一覧から選択してください',
  funding_line: '財源区分を「高齢」か「障がい」から選択してください',
  granted_yen: F.yen('助成額'),
  grantedOverCap: (limit: string) => `助成額は上限額（${limit}）以下で入力してください。上限額を超えて増やすことはできません`,
  noCaps: '対象期間の開始日に適用される報酬助成の上限額がマスタにありません。システム管理者に確認してください',
  payee: F.tooLong('支払先', 100),
  future: '未来の日付は入力できません',
  confirm_overlap: '対象期間が重なる申請があります。内容を確認し、重なってよい場合はチェックを入れてから保存してください',
  decision: '決定の内容を「承認」か「却下」から選択してください',
  decided_on: F.date('決定日'),
  decidedBeforeReceived: notBefore('決定日', '受付日'),
  decidedBeforeCourt: notBefore('決定日', '報酬付与審判日'),
  decision_number: F.tooLong('決定番号', 50),
  decision_reason: F.tooLong('却下の理由', 1000),
  decisionReasonRequired: F.required('却下の理由'),
  paid_on: F.date('支払日'),
  paidBeforeDecided: notBefore('支払日', '決定日'),
  deleted_reason: F.tooLong('削除の理由', 500),
} as const;
const M = SUBSIDY_MESSAGES;

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

/**
 * The fields of an application record in form order, with labels and how a value reads. The
 * detail page, the notice PDF and the conflict page walk this one list.
 */
export type Kind = 'text' | 'date' | 'yen' | 'months' | 'ward' | 'code' | 'petition';
export type FieldName = keyof RecordValues;
export interface FieldDef { name: FieldName; label: string; kind: Kind }

export const FIELD_GROUPS: { legend: string; fields: FieldDef[] }[] = [
  { legend: '申請', fields: [
    { name: 'received_on', label: '受付日', kind: 'date' },
    { name: 'ward_id', label: '区', kind: 'ward' },
    { name: 'petition_type', label: '申立種別', kind: 'text' },
    { name: 'petition_id', label: '関連する市長申立て', kind: 'petition' },
    { name: 'eligibility', label: '助成の要件', kind: 'text' },
    { name: 'funding_line', label: '財源区分', kind: 'text' },
  ] },
  { legend: '後見人等', fields: [
    { name: 'guardian_name', label: '後見人等の氏名', kind: 'text' },
    { name: 'guardian_relation_id', label: '後見人等の種別', kind: 'code' },
  ] },
  { legend: '報酬付与の審判', fields: [
    { name: 'court_decided_on', label: '報酬付与審判日', kind: 'date' },
    { name: 'case_number', label: '事件番号', kind: 'text' },
    { name: 'period_from', label: '対象期間の開始日', kind: 'date' },
    { name: 'period_to', label: '対象期間の終了日', kind: 'date' },
    { name: 'fee_awarded_yen', label: '報酬付与額', kind: 'yen' },
    { name: 'home_months', label: '在宅月数', kind: 'months' },
    { name: 'facility_months', label: '施設月数', kind: 'months' },
  ] },
  { legend: '助成額と支払先', fields: [
    { name: 'granted_yen', label: '助成額', kind: 'yen' },
    { name: 'payee', label: '支払先', kind: 'text' },
  ] },
];

export const FIELDS: FieldDef[] = FIELD_GROUPS.flatMap((g) => g.fields);

/** A stored or submitted value as a person reads it: 和暦 dates, labels for ids, yen with commas. */
export function displayValue(o: SubsidyOptions, def: { kind: Kind }, v: unknown): string {
  if (v === null || v === undefined || v === '') return '';
  switch (def.kind) {
    case 'date': return toWareki(String(v));
    case 'yen': return yenText(Number(v));
    case 'months': return `${Number(v)}か月`;
    case 'ward': return wardLabel(o, Number(v));
    case 'code': return labelOf(o, Number(v));
    case 'petition': return `番号 ${Number(v)}`;
    default: return String(v);
  }
}

/** 令和5年4月1日〜令和5年9月30日 */
export const periodText = (from: string, to: string) => `${toWareki(from)}〜${toWareki(to)}`;
