/** A roster record's steps as one dated history (oldest first): courses, activity, follow-ups, bank, 協力員, cases. */
import { fiscalYearName } from '../../lib/dates';
import { AppointmentRow, EnrolmentStep, PeriodRow } from './guardians-queries';
import { PERIOD_KINDS } from './guardian-status';

export interface HistoryEntry { date: string | null; step: string; detail: string }

export interface HistorySources {
  activityStartedOn: string | null;
  enrolments: EnrolmentStep[];
  followups: { held_on: string; title: string }[];
  periods: PeriodRow[];
  appointments: AppointmentRow[];
}

export function guardianHistory(s: HistorySources): HistoryEntry[] {
  const out: HistoryEntry[] = [];
  for (const e of s.enrolments) {
    out.push({ date: null, step: '養成講座の受講', detail: `${fiscalYearName(e.fiscal_year)} ${e.title}` });
    if (e.completed_on) out.push({ date: e.completed_on, step: '養成講座の修了', detail: e.completion_basis === 'historical' ? `${e.title}（過去の記録から取り込み）` : e.title });
  }
  if (s.activityStartedOn) out.push({ date: s.activityStartedOn, step: '地域生活支援員の活動開始', detail: '' });
  for (const f of s.followups) out.push({ date: f.held_on, step: 'フォローアップ研修の受講', detail: f.title });
  for (const p of s.periods) {
    const name = PERIOD_KINDS[p.kind];
    out.push({ date: p.started_on, step: p.kind === 'bank' ? 'バンク登録' : `${name}の開始`, detail: '' });
    if (p.ended_on) out.push({ date: p.ended_on, step: p.kind === 'bank' ? 'バンク登録の抹消' : `${name}の終了`, detail: p.end_reason ?? '' });
  }
  for (const a of s.appointments) {
    out.push({ date: a.appointed_on, step: '受任', detail: `${a.person_name}（${a.type_label}）` });
    if (a.ended_on) out.push({ date: a.ended_on, step: '受任の終了', detail: `${a.person_name}${a.end_reason ? `：${a.end_reason}` : ''}` });
  }
  // undated entries (a course enrolment) first, then by date; stable for equal dates
  return out.map((e, i) => ({ e, i })).sort((a, b) => (a.e.date ?? '').localeCompare(b.e.date ?? '') || a.i - b.i).map((x) => x.e);
}
