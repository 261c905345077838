/**
 * The bank-registration rule (domain.md §6 step 4): registration is allowed only after the
 * person completed a course, has been a 地域生活支援員 for at least one year, and attended at
 * least one follow-up session — each on or before the registration date. Pure: the caller
 * reads the facts.
 */
import { formatIso, isValidYmd, parseIso } from '../../../lib/dates/calendar';
import { toWareki } from '../../../lib/dates';

export interface GatingFacts {
  /** the first course completion, or null */
  completedOn: string | null;
  activityStartedOn: string | null;
  /** dates of the follow-up sessions attended */
  followupDates: string[];
}

export const GATING_MESSAGES = {
  notCompleted: '養成講座を修了していません',
  completedLater: (on: string) => `バンク登録日は養成講座の修了日（${toWareki(on)}）以降の日付を入力してください`,
  noActivity: '地域生活支援員の活動開始日が記録されていません',
  activityShort: (start: string, reached: string) =>
    `地域生活支援員としての活動が1年に達していません（活動開始 ${toWareki(start)}、1年に達する日 ${toWareki(reached)}）`,
  noFollowup: 'フォローアップ研修の受講記録がありません（登録日までに1回以上の受講が必要です）',
  summary: 'バンク登録の条件を満たしていません',
} as const;

/**
 * The day a year of activity is reached: the same month and day a year later; from 29 February,
 * 1 March (a year is not reached on 28 February).
 */
export function oneYearAfter(iso: string): string {
  const { year, month, day } = parseIso(iso);
  return isValidYmd(year + 1, month, day) ? formatIso(year + 1, month, day) : formatIso(year + 1, 3, 1);
}

/** The conditions not met for registering on `registeredOn`, in the order of the pipeline; [] when allowed. */
export function missingBankConditions(f: GatingFacts, registeredOn: string): string[] {
  const missing: string[] = [];
  if (f.completedOn === null) missing.push(GATING_MESSAGES.notCompleted);
  else if (f.completedOn > registeredOn) missing.push(GATING_MESSAGES.completedLater(f.completedOn));
  if (f.activityStartedOn === null) missing.push(GATING_MESSAGES.noActivity);
  else if (oneYearAfter(f.activityStartedOn) > registeredOn) {
    missing.push(GATING_MESSAGES.activityShort(f.activityStartedOn, oneYearAfter(f.activityStartedOn)));
  }
  if (!f.followupDates.some((d) => d <= registeredOn)) missing.push(GATING_MESSAGES.noFollowup);
  return missing;
}
