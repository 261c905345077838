/** The course forms: a cohort (fiscal year, title, its ten days), enrolment, attendance and completion. */
import { z } from 'zod';
import { FieldErrors, FormResult, parseForm } from '../../../http/forms';
import { dateField, FIELD_MESSAGES as F, fiscalYearField, requiredText, versionField } from '../../../http/schema-fields';
import { fiscalYearLabel, fiscalYearRange, toWareki } from '../../../lib/dates';

export const COURSE_DAYS = 10;
export const DAY_NOS = Array.from({ length: COURSE_DAYS }, (_, i) => i + 1);
export const ATTENDANCE = ['出席', '欠席', '補講'] as const;
export type Attendance = (typeof ATTENDANCE)[number];

export const FY_MIN = 2000;
export const FY_MAX = 2100;

export const COURSE_MESSAGES = {
  fiscalYear: F.fiscalYear('年度'),
  fiscalYearTaken: (label: string) => `${label}の養成講座は既に登録されています`,
  title: F.tooLong('講座名', 100),
  dayOn: (no: number) => F.date(`第${no}日の日付`),
  dayTopic: (no: number) => F.tooLong(`第${no}日の内容`, 200),
  dayOutside: (no: number, fy: number) => `第${no}日の日付は${fiscalYearLabel(fy)}（4月1日〜翌年3月31日）の日付を入力してください`,
  dayBeforePrevious: (no: number, previous: string) => `第${no}日の日付は第${no - 1}日（${toWareki(previous)}）以降の日付を入力してください`,
  dayAfterCompletion: (no: number, completed: string) =>
    `第${no}日の日付は、この講座の修了日（${toWareki(completed)}）以前の日付を入力してください（修了を記録した後は、それより後に日程を移せません）`,
  guardian: '受講者を一覧から選択してください',
  completedOn: F.date('修了日'),
  future: '未来の日付は入力できません',
} as const;
const M = COURSE_MESSAGES;

const dayShape = () => Object.fromEntries(DAY_NOS.flatMap((n) => [
  [`day_${n}_on`, dateField(`第${n}日の日付`)],
  [`day_${n}_topic`, requiredText(`第${n}日の内容`, 200)],
]));

export interface DayInput { day_no: number; held_on: string; topic: string }
export interface CourseForm { fiscal_year: number; title: string; days: DayInput[]; version?: number }

/**
 * The days against the fiscal year, each other (第2日 not before 第1日 …) and the earliest completion
 * already recorded (a completion is not before the last day): on the days that parsed.
 */
function dayErrors(v: Record<string, unknown>, fy: number | undefined, firstCompletion: string | null): FieldErrors {
  const e: FieldErrors = {};
  const range = fy === undefined ? null : fiscalYearRange(fy);
  let previous: string | null = null;
  for (const n of DAY_NOS) {
    const on = v[`day_${n}_on`];
    if (typeof on !== 'string') { previous = null; continue; }
    const field = `day_${n}_on`;
    if (range && (on < range.from || on > range.to)) e[field] = M.dayOutside(n, fy!);
    else if (previous && on < previous) e[field] = M.dayBeforePrevious(n, previous);
    else if (firstCompletion && on > firstCompletion) e[field] = M.dayAfterCompletion(n, firstCompletion);
    previous = on;
  }
  return e;
}

/**
 * The course form: with `fixedFy` (an edit) the year is the course's own and a version is required;
 * `firstCompletion`: the earliest completion recorded on the course (none for a new one).
 */
export function parseCourse(body: unknown, fixedFy: number | null, firstCompletion: string | null = null): FormResult<CourseForm> {
  const schema = z.object({
    ...(fixedFy === null ? { fiscal_year: fiscalYearField('年度', FY_MIN, FY_MAX) } : { version: versionField }),
    title: requiredText('講座名', 100),
    ...dayShape(),
  });
  const parsed = parseForm(schema, body, (v) => {
    const r = v as Record<string, unknown>;
    return dayErrors(r, fixedFy ?? (r.fiscal_year as number | undefined), firstCompletion);
  });
  if (!parsed.ok) return parsed;
  const v = parsed.data as Record<string, unknown>;
  const days = DAY_NOS.map((n) => ({ day_no: n, held_on: v[`day_${n}_on`] as string, topic: v[`day_${n}_topic`] as string }));
  return { ok: true, data: { fiscal_year: fixedFy ?? (v.fiscal_year as number), title: v.title as string, days, ...(fixedFy === null ? {} : { version: v.version as number }) } };
}

export const enrolSchema = (allowed: Set<number>) => z.object({
  guardian_id: z.string({ error: M.guardian }).regex(/^\d{1,9}$/, M.guardian).transform(Number).refine((n) => allowed.has(n), M.guardian),
});

export const completeSchema = (today: string) => z.object({
  completed_on: dateField('修了日').refine((v) => v <= today, M.future),
  version: versionField,
});

/**
 * 修了 (domain.md §6 step 1): granted only when every one of the course's ten days was attended
 * (出席) or made up (補講). Pure: the caller reads the days and the trainee's attendance.
 */
export interface CourseDay { id: number; day_no: number; held_on: string; topic: string }

export const COMPLETION_MESSAGES = {
  daysNotSet: `講座の日程（${COURSE_DAYS}日分）がそろっていないため、出欠から修了を記録できません。先に日程を登録してください`,
  missing: (days: string[]) => `修了には全${COURSE_DAYS}日の出席または補講が必要です。出席・補講の記録がない日：${days.join('、')}`,
  beforeLastDay: (last: string) => `修了日は講座の最終日（${toWareki(last)}）以降の日付を入力してください`,
  already: 'この受講者は既に修了しています',
} as const;

export const dayName = (d: Pick<CourseDay, 'day_no' | 'held_on'>) => `第${d.day_no}日（${toWareki(d.held_on)}）`;

/** The days not attended or made up, as named on screen; [] when completion may be granted. */
export function missingDays(days: CourseDay[], attendance: Map<number, Attendance>): string[] {
  return days.filter((d) => {
    const a = attendance.get(d.id);
    return a !== '出席' && a !== '補講';
  }).map(dayName);
}

/** Why completion on `on` is refused, or null. */
export function checkCompletion(days: CourseDay[], attendance: Map<number, Attendance>, on: string): string | null {
  if (days.length < COURSE_DAYS) return COMPLETION_MESSAGES.daysNotSet;
  const missing = missingDays(days, attendance);
  if (missing.length) return COMPLETION_MESSAGES.missing(missing);
  const last = days.map((d) => d.held_on).sort().pop()!;
  return on < last ? COMPLETION_MESSAGES.beforeLastDay(last) : null;
}
