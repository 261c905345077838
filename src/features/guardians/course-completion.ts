/**
 * 修了 (domain.md §6 step 1): granted only when every one of the course's ten days was attended
 * (出席) or made up (補講). Pure: the caller reads the days and the trainee's attendance.
 */
import { toWareki } from '../../lib/dates';
import { Attendance, COURSE_DAYS } from './courses-schema';

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
