/** The roster form (a citizen guardian or trainee) and the forms recording bank and 協力員 steps. */
import { z } from 'zod';
import { dateField, optionalDateField, versionField } from '../../http/schema-fields';
import { isKatakana, normalizeKana, phoneDigits } from '../../lib/kana';
import { optionalText, requiredText, selectId } from '../petitions/petitions-form-fields';

export const DATE_EXAMPLE = '（例：2025-04-01、令和7年4月1日、R7.4.1）';
const date = (label: string) => `${label}を正しい日付で入力してください${DATE_EXAMPLE}`;

export const GUARDIAN_MESSAGES = {
  name: '氏名を100文字以内で入力してください',
  nameKana: '氏名カナを100文字以内で入力してください',
  nameKanaChars: '氏名カナはカタカナで入力してください（ひらがな・半角カナも使えます）',
  birthDate: date('生年月日'),
  address: '住所を200文字以内で入力してください',
  phone: '電話番号は市外局番から10桁または11桁の数字で入力してください',
  email: 'メールアドレスを「name@example.jp」の形で200文字以内で入力してください',
  activity: date('地域生活支援員の活動開始日'),
  notes: '備考を2,000文字以内で入力してください',
  course: '受講する養成講座を一覧から選択してください',
  future: '未来の日付は入力できません',
  duplicate: '同じ氏名カナ・生年月日の人が既に名簿に登録されています',
  bankOn: date('バンク登録日'),
  withdrawOn: date('抹消日'),
  withdrawReason: '抹消の理由を200文字以内で入力してください',
  coopOn: date('協力員の開始日'),
  coopEndOn: date('協力員の終了日'),
  coopEndReason: '終了の理由は200文字以内で入力してください',
} as const;
const M = GUARDIAN_MESSAGES;

const notFuture = (today: string) => (v: string | null) => v === null || v <= today;

/** The roster record's fields; `courses` are the cohorts a new trainee may be enrolled in. */
export function guardianSchema(today: string, courses: Set<number> = new Set()) {
  return z.object({
    name: requiredText(100, M.name),
    name_kana: z.string({ error: M.nameKana }).transform(normalizeKana)
      .pipe(z.string().min(1, M.nameKana).max(100, M.nameKana).refine(isKatakana, M.nameKanaChars)),
    birth_date: dateField(M.birthDate).refine((v) => v <= today, M.future),
    address: optionalText(200, M.address),
    phone: optionalText(30, M.phone).refine((v) => v === null || /^\d{10,11}$/.test(phoneDigits(v)), M.phone),
    email: optionalText(200, M.email).refine((v) => v === null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), M.email),
    activity_started_on: optionalDateField(M.activity).refine(notFuture(today), M.future),
    notes: optionalText(2000, M.notes),
    course_id: selectId(courses, M.course),
  });
}
export type GuardianForm = Omit<z.infer<ReturnType<typeof guardianSchema>>, 'course_id'>;

export const guardianUpdateSchema = (today: string) => guardianSchema(today).omit({ course_id: true }).extend({ version: versionField });

/** The columns a roster form writes. */
export const GUARDIAN_COLUMNS = ['name', 'name_kana', 'birth_date', 'address', 'phone', 'email', 'activity_started_on', 'notes'] as const;

export const bankSchema = (today: string) => z.object({ bank_on: dateField(M.bankOn).refine((v) => v <= today, M.future) });

export const withdrawSchema = (today: string) => z.object({
  withdraw_on: dateField(M.withdrawOn).refine((v) => v <= today, M.future),
  withdraw_reason: requiredText(200, M.withdrawReason),
  version: versionField,
});

export const cooperatorSchema = (today: string) => z.object({ coop_on: dateField(M.coopOn).refine((v) => v <= today, M.future) });

export const cooperatorEndSchema = (today: string) => z.object({
  coop_end_on: dateField(M.coopEndOn).refine((v) => v <= today, M.future),
  coop_end_reason: optionalText(200, M.coopEndReason),
  version: versionField,
});
