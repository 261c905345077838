import { z } from 'zod';
import {
  dateField, FIELD_MESSAGES as F, idField, optionalDateField, optionalIntField, optionalText, requiredIdField, requiredText, typedDigits, versionField,
} from '../../http/schema-fields';

export const CONSULTATION_MESSAGES = {
  consultedOn: F.date('相談日'),
  consultedOnFuture: '相談日に未来の日付は入力できません',
  startTime: '開始時刻は「09:30」のように24時間制の時:分で入力してください',
  duration: '所要時間は0〜1440の整数（分）で入力してください',
  method: '相談方法を選択肢から選んでください',
  consultee: '相談者を選択肢から選んでください',
  category: '相談種別を選択してください',
  categoryUnknown: '相談種別を選択肢から選んでください',
  categoryParent: '子の項目がある相談種別は選べません。内訳（例：後見人支援の「身上保護」）を選んでください',
  categoryRetired: 'この相談種別は使用停止になっています。別の相談種別を選んでください',
  ward: '区を選択肢から選んでください',
  person: '本人が見つかりません。検索し直してください',
  ageBand: '年齢区分を選択肢から選んでください',
  sex: '性別を選択肢から選んでください',
  condition: '疾病・障害を選択肢から選んでください',
  referralCenter: '紹介元機関を選択肢から選んでください',
  content: F.tooLong('内容', 10_000),
  response: F.tooLong('対応', 10_000),
  referral: F.tooLong('紹介・つなぎ先', 2000),
  followUpOn: F.date('フォローアップ日'),
  followUpBefore: 'フォローアップ日は相談日以降の日付を入力してください',
  staff: '担当職員を選択してください',
  searchKana: '検索する氏名カナを入力してください',
  deleteReason: F.tooLong('削除の理由', 500),
} as const;
const M = CONSULTATION_MESSAGES;

/** Form order: the error summary lists errors in this order. */
export const FIELD_ORDER = [
  'consulted_on', 'start_time', 'duration_minutes', 'method_id', 'consultee_id', 'category_id', 'ward_id',
  'person_id', 'age_band_id', 'sex_id', 'condition_id', 'referral_center_id', 'content', 'response', 'referral',
  'follow_up_on', 'staff_id', 'version',
] as const;

/** '9:30', '09:30', '0930', full-width digits and '：' → '09:30'; blank → null. */
const timeField = z.unknown().optional().transform((v, ctx) => {
  const s = typedDigits(v);
  if (s === '') return null;
  const m = /^(\d{1,2}):?(\d{2})$/.exec(s);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) {
    ctx.addIssue({ code: 'custom', message: M.startTime });
    return z.NEVER;
  }
  return `${m[1].padStart(2, '0')}:${m[2]}`;
});

export const consultationSchema = z.object({
  consulted_on: dateField('相談日'),
  start_time: timeField,
  duration_minutes: optionalIntField('所要時間', 0, 1440, { invalid: M.duration, unit: /分$/ }),
  method_id: idField(M.method),
  consultee_id: idField(M.consultee),
  category_id: requiredIdField(M.category),
  ward_id: idField(M.ward),
  person_id: idField(M.person),
  age_band_id: idField(M.ageBand),
  sex_id: idField(M.sex),
  condition_id: idField(M.condition),
  referral_center_id: idField(M.referralCenter),
  content: optionalText('内容', 10_000),
  response: optionalText('対応', 10_000),
  referral: optionalText('紹介・つなぎ先', 2000),
  follow_up_on: optionalDateField('フォローアップ日'),
  staff_id: requiredIdField(M.staff),
});
export type ConsultationForm = z.infer<typeof consultationSchema>;

export const consultationEditSchema = consultationSchema.extend({ version: versionField });

export const deleteSchema = z.object({ reason: requiredText('削除の理由', 500) });
