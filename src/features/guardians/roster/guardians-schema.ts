/** The roster form (a citizen guardian or trainee) and the forms recording bank and 協力員 steps. */
import { z } from 'zod';
import {
  dateField, FIELD_MESSAGES as F, kanaField, optionalDateField, optionalText, phoneField, requiredText, selectId, versionField,
} from '../../../http/schema-fields';

const date = (label: string) => F.date(label);

export const GUARDIAN_MESSAGES = {
  name: F.tooLong('氏名', 100),
  nameKana: F.tooLong('氏名カナ', 100),
  nameKanaChars: F.kanaChars('氏名カナ'),
  birthDate: date('生年月日'),
  address: F.tooLong('住所', 200),
  phone: F.phone('電話番号'),
  email: 'メールアドレスを「name@example.jp」の形で200文字以内で入力してください',
  activity: date('地域生活支援員の活動開始日'),
  notes: F.tooLong('備考', 2000),
  course: '受講する養成講座を一覧から選択してください',
  future: '未来の日付は入力できません',
  duplicate: '同じ氏名カナ・生年月日の人が既に名簿に登録されています',
  bankOn: date('バンク登録日'),
  withdrawOn: date('抹消日'),
  withdrawReason: F.tooLong('抹消の理由', 200),
  coopOn: date('協力員の開始日'),
  coopEndOn: date('協力員の終了日'),
  coopEndReason: F.tooLong('終了の理由', 200),
} as const;
const M = GUARDIAN_MESSAGES;

const notFuture = (today: string) => (v: string | null) => v === null || v <= today;

/** The roster record's fields; `courses` are the cohorts a new trainee may be enrolled in. */
export function guardianSchema(today: string, courses: Set<number> = new Set()) {
  return z.object({
    name: requiredText('氏名', 100),
    name_kana: kanaField('氏名カナ', 100),
    birth_date: dateField('生年月日').refine((v) => v <= today, M.future),
    address: optionalText('住所', 200),
    phone: phoneField('電話番号'),
    email: optionalText('メールアドレス', 200, M.email).refine((v) => v === null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), M.email),
    activity_started_on: optionalDateField('地域生活支援員の活動開始日').refine(notFuture(today), M.future),
    notes: optionalText('備考', 2000),
    course_id: selectId(courses, M.course),
  });
}
export type GuardianForm = Omit<z.infer<ReturnType<typeof guardianSchema>>, 'course_id'>;

export const guardianUpdateSchema = (today: string) => guardianSchema(today).omit({ course_id: true }).extend({ version: versionField });

/** The columns a roster form writes. */
export const GUARDIAN_COLUMNS = ['name', 'name_kana', 'birth_date', 'address', 'phone', 'email', 'activity_started_on', 'notes'] as const;

export const bankSchema = (today: string) => z.object({ bank_on: dateField('バンク登録日').refine((v) => v <= today, M.future) });

export const withdrawSchema = (today: string) => z.object({
  withdraw_on: dateField('抹消日').refine((v) => v <= today, M.future),
  withdraw_reason: requiredText('抹消の理由', 200),
  version: versionField,
});

export const cooperatorSchema = (today: string) => z.object({ coop_on: dateField('協力員の開始日').refine((v) => v <= today, M.future) });

export const cooperatorEndSchema = (today: string) => z.object({
  coop_end_on: dateField('協力員の終了日').refine((v) => v <= today, M.future),
  coop_end_reason: optionalText('終了の理由', 200),
  version: versionField,
});
