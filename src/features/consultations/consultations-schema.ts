import { z } from 'zod';
import { dateField, optionalDateField, versionField } from '../../http/schema-fields';

export const CONSULTATION_MESSAGES = {
  consultedOn: '相談日を正しく入力してください（例：2025-04-01、令和7年4月1日、R7.4.1）',
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
  content: '内容は10,000文字以内で入力してください',
  response: '対応は10,000文字以内で入力してください',
  referral: '紹介・つなぎ先は2,000文字以内で入力してください',
  followUpOn: 'フォローアップ日を正しく入力してください（例：2025-04-01、令和7年4月1日、R7.4.1）',
  followUpBefore: 'フォローアップ日は相談日以降の日付を入力してください',
  staff: '担当職員を選択してください',
  searchKana: '検索する氏名カナを入力してください',
  deleteReason: '削除の理由を入力してください（500文字以内）',
} as const;
const M = CONSULTATION_MESSAGES;

/** Form order: the error summary lists errors in this order. */
export const FIELD_ORDER = [
  'consulted_on', 'start_time', 'duration_minutes', 'method_id', 'consultee_id', 'category_id', 'ward_id',
  'person_id', 'age_band_id', 'sex_id', 'condition_id', 'referral_center_id', 'content', 'response', 'referral',
  'follow_up_on', 'staff_id', 'version',
] as const;

/** A select's id: blank → null; anything but a positive integer is an unknown choice. */
function idField(message: string, required = false) {
  return z.unknown().transform((v, ctx) => {
    const s = typeof v === 'string' ? v.trim() : '';
    if (s === '' && !required) return null;
    if (!/^[1-9]\d{0,8}$/.test(s)) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return Number(s);
  });
}

/** '9:30', '09:30', '0930', full-width digits and '：' → '09:30'; blank → null. */
const timeField = z.unknown().transform((v, ctx) => {
  const s = (typeof v === 'string' ? v : '').normalize('NFKC').trim();
  if (s === '') return null;
  const m = /^(\d{1,2}):?(\d{2})$/.exec(s);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) {
    ctx.addIssue({ code: 'custom', message: M.startTime });
    return z.NEVER;
  }
  return `${m[1].padStart(2, '0')}:${m[2]}`;
});

const durationField = z.unknown().transform((v, ctx) => {
  const s = (typeof v === 'string' ? v : '').normalize('NFKC').replace(/[,\s]/g, '').replace(/分$/, '');
  if (s === '') return null;
  if (!/^\d{1,4}$/.test(s) || Number(s) > 1440) {
    ctx.addIssue({ code: 'custom', message: M.duration });
    return z.NEVER;
  }
  return Number(s);
});

function textField(max: number, message: string) {
  return z.unknown().transform((v, ctx) => {
    const s = (typeof v === 'string' ? v : '').replace(/\r\n?/g, '\n').trim();
    if (s.length > max) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return s === '' ? null : s;
  });
}

export const consultationSchema = z.object({
  consulted_on: dateField(M.consultedOn),
  start_time: timeField,
  duration_minutes: durationField,
  method_id: idField(M.method),
  consultee_id: idField(M.consultee),
  category_id: idField(M.category, true),
  ward_id: idField(M.ward),
  person_id: idField(M.person),
  age_band_id: idField(M.ageBand),
  sex_id: idField(M.sex),
  condition_id: idField(M.condition),
  referral_center_id: idField(M.referralCenter),
  content: textField(10000, M.content),
  response: textField(10000, M.response),
  referral: textField(2000, M.referral),
  follow_up_on: optionalDateField(M.followUpOn),
  staff_id: idField(M.staff, true),
});
export type ConsultationForm = z.infer<typeof consultationSchema>;

export const consultationEditSchema = consultationSchema.extend({ version: versionField });

export const deleteSchema = z.object({
  reason: z.string({ error: M.deleteReason }).trim().min(1, M.deleteReason).max(500, M.deleteReason),
});
