/** The roster record's page: details, status, history, the step forms and the cases; every rendering audited. */
import { Request, Response } from 'express';
import { audit } from '../../../audit/audit-writer';
import { NotFoundError } from '../../../http/errors';
import { renderFormPage, Rerender } from '../../../http/forms';
import { idParam } from '../../../http/params';
import { can } from '../../../policy';
import { candidaciesOf, appointmentsOf, enrolmentsOf, findGuardian, followupsOf, gatingFacts, GuardianRow, periodsOf, AppointmentRow, EnrolmentStep, PeriodRow } from './guardians-queries';
import { missingBankConditions } from '../bank/guardian-gating';
import { statusLabel, PERIOD_KINDS } from './guardian-status';
import { today } from '../../../http/today';
import { fiscalYearName } from '../../../lib/dates';

/** The roster record named by :guardianId, or 404. */
export async function loadGuardian(req: Request): Promise<GuardianRow> {
  const g = await findGuardian(req.deps.db, idParam(req, 'guardianId'));
  if (!g) throw new NotFoundError();
  return g;
}

/** The page shown again after a step was refused; `bankMissing`: the bank conditions not met on the date sent. */
export type PageExtra = Rerender & { bankMissing?: string[] };

export async function renderGuardian(req: Request, res: Response, g: GuardianRow, status = 200, extra: PageExtra = {}) {
  const { db } = req.deps;
  const [enrolments, followups, periods, appointments, facts, candidacies] = await Promise.all([
    enrolmentsOf(db, g.id), followupsOf(db, g.id), periodsOf(db, g.id), appointmentsOf(db, g.id), gatingFacts(db, g.id), candidaciesOf(db, g.id),
  ]);
  const open = (kind: string) => periods.find((p) => p.kind === kind && p.ended_on === null) ?? null;
  const day = today(req);
  await audit(req, 'guardian.view', 'citizen_guardian', g.id);
  renderFormPage(res, 'guardians/show', {
    g, statusLabel: statusLabel(g.status),
    history: guardianHistory({ activityStartedOn: g.activity_started_on, enrolments, followups, periods, appointments }),
    followupCount: followups.length, appointments, candidacies, meetingLink: can(req.user, 'meetings:read'),
    openBank: open('bank'), openCooperator: open('cooperator'),
    bankToday: missingBankConditions(facts, day), bankMissing: extra.bankMissing ?? [],
    canWrite: can(req.user, 'guardians:write'),
    values: { bank_on: day, withdraw_on: day, coop_on: day, coop_end_on: day },
  }, extra, status);
}

/** A roster record's steps as one dated history (oldest first): courses, activity, follow-ups, bank, 協力員, cases. */
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
