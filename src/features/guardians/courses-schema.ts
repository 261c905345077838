/** The course forms: a cohort (fiscal year, title, its ten days), enrolment, attendance and completion. */
import { z } from 'zod';
import { dateField, intField, versionField } from '../../http/schema-fields';
import { ErrorItem, FieldErrors, FormResult, parseForm } from '../../http/forms';
import { fiscalYearLabel, fiscalYearRange } from '../../lib/dates';
import { requiredText } from '../petitions/petitions-form-fields';
import { DATE_EXAMPLE } from './guardians-schema';

export const COURSE_DAYS = 10;
export const DAY_NOS = Array.from({ length: COURSE_DAYS }, (_, i) => i + 1);
export const ATTENDANCE = ['出席', '欠席', '補講'] as const;
export type Attendance = (typeof ATTENDANCE)[number];

export const COURSE_MESSAGES = {
  fiscalYear: '年度を西暦4桁で入力してください（例：2025）',
  fiscalYearTaken: (label: string) => `${label}の養成講座は既に登録されています`,
  title: '講座名を100文字以内で入力してください',
  dayOn: (no: number) => `第${no}日の日付を正しい日付で入力してください${DATE_EXAMPLE}`,
  dayTopic: (no: number) => `第${no}日の内容を200文字以内で入力してください`,
  dayOutside: (no: number, fy: number) => `第${no}日の日付は${fiscalYearLabel(fy)}（4月1日〜翌年3月31日）の日付を入力してください`,
  guardian: '受講者を一覧から選択してください',
  completedOn: `修了日を正しい日付で入力してください${DATE_EXAMPLE}`,
  future: '未来の日付は入力できません',
} as const;
const M = COURSE_MESSAGES;

const dayShape = () => Object.fromEntries(DAY_NOS.flatMap((n) => [
  [`day_${n}_on`, dateField(M.dayOn(n))],
  [`day_${n}_topic`, requiredText(200, M.dayTopic(n))],
]));

export interface DayInput { day_no: number; held_on: string; topic: string }
export interface CourseForm { fiscal_year: number; title: string; days: DayInput[]; version?: number }

/** The course form: with `fixedFy` (an edit) the year is the course's own and a version is required. */
export function parseCourse(body: unknown, fixedFy: number | null): FormResult<CourseForm> {
  const schema = z.object({
    ...(fixedFy === null ? { fiscal_year: intField(M.fiscalYear, 2000, 2100) } : { version: versionField }),
    title: requiredText(100, M.title),
    ...dayShape(),
  });
  const parsed = parseForm(schema, body);
  if (!parsed.ok) return parsed;
  const v = parsed.data as Record<string, unknown>;
  const fy = fixedFy ?? (v.fiscal_year as number);
  const days = DAY_NOS.map((n) => ({ day_no: n, held_on: v[`day_${n}_on`] as string, topic: v[`day_${n}_topic`] as string }));
  const range = fiscalYearRange(fy);
  const errorList: ErrorItem[] = days.filter((d) => d.held_on < range.from || d.held_on > range.to)
    .map((d) => ({ field: `day_${d.day_no}_on`, message: M.dayOutside(d.day_no, fy) }));
  if (errorList.length) return { ok: false, errors: Object.fromEntries(errorList.map((e) => [e.field, e.message])) as FieldErrors, errorList };
  return { ok: true, data: { fiscal_year: fy, title: v.title as string, days, ...(fixedFy === null ? {} : { version: v.version as number }) } };
}

export const enrolSchema = (allowed: Set<number>) => z.object({
  guardian_id: z.string({ error: M.guardian }).regex(/^\d{1,9}$/, M.guardian).transform(Number).refine((n) => allowed.has(n), M.guardian),
});

export const completeSchema = (today: string) => z.object({
  completed_on: dateField(M.completedOn).refine((v) => v <= today, M.future),
  version: versionField,
});
