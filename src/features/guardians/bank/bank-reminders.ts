/**
 * Trainees who meet every bank condition today (domain.md §6 step 4) but were never registered:
 * 支援員活動中 in citizen_guardian_progress. The roster is small (a few hundred), so SQL reads
 * each candidate's facts in one query and the bank rule itself (missingBankConditions) decides.
 * No 「すべて見る」: the roster's 支援員活動中 filter lists those not yet eligible too.
 */
import { daysBetween } from '../../../lib/dates';
import { missingBankConditions, oneYearAfter } from './guardian-gating';
import { batchOf, ReminderSource, TOTAL_SQL } from '../../../contracts/reminder';

interface Row { id: number; completed_on: string | null; activity_started_on: string | null; first_followup: string | null }

export const bankReadyReminders: ReminderSource = {
  kind: 'guardian-bank-ready',
  label: 'バンク登録の条件を満たした受講者',
  access: 'guardians:read',
  async fetch(db, _user, today, limit) {
    const rows: Row[] = await db('citizen_guardians as g')
      .join('citizen_guardian_progress as gp', 'gp.guardian_id', 'g.id')
      .where('gp.status', 'active')
      .select('g.id', 'gp.completed_on', 'g.activity_started_on', db.raw(`(SELECT min(s.held_on)::text FROM guardian_followup_attendance a
        JOIN guardian_followup_sessions s ON s.id = a.session_id WHERE a.guardian_id = g.id) AS first_followup`));
    // The rule needs only "a session on or before the day": the first one answers that.
    const ready = rows
      .filter((r) => missingBankConditions({
        completedOn: r.completed_on, activityStartedOn: r.activity_started_on, followupDates: r.first_followup ? [r.first_followup] : [],
      }, today).length === 0)
      // met since the last of the three conditions was met
      .map((r) => ({ id: r.id, since: [r.completed_on!, oneYearAfter(r.activity_started_on!), r.first_followup!].sort().pop()! }))
      .sort((a, b) => a.since.localeCompare(b.since) || a.id - b.id);
    return {
      count: ready.length,
      items: ready.slice(0, limit).map((r) => ({
        href: `/guardians/${r.id}`,
        title: `市民後見人 番号 ${r.id}：バンク未登録`,
        since: r.since,
        days: daysBetween(r.since, today),
      })),
    };
  },
};

/**
 * Bank registrants (an open バンク登録 period) who attended no follow-up session in the last 12
 * months: the last one on or before the same date a year ago, or none at all.
 */
interface Row { id: number; last_followup: string | null; days: number | null; total: number }

export const bankFollowupReminders: ReminderSource = {
  kind: 'guardian-bank-followup',
  label: '12か月以上フォローアップ研修を受講していないバンク登録者',
  access: 'guardians:read',
  async fetch(db, _user, today, limit) {
    const last = db('guardian_followup_attendance as a').join('guardian_followup_sessions as s', 's.id', 'a.session_id')
      .where('s.held_on', '<=', today).groupBy('a.guardian_id').select('a.guardian_id', db.raw('max(s.held_on) AS held_on'));
    const rows: Row[] = await db('citizen_guardian_progress as gp')
      .leftJoin(last.as('f'), 'f.guardian_id', 'gp.guardian_id')
      .whereNotNull('gp.bank_since')
      .where((q) => q.whereNull('f.held_on').orWhereRaw("f.held_on <= (?::date - interval '1 year')::date", [today]))
      .select('gp.guardian_id as id', db.raw('f.held_on::text AS last_followup'),
        db.raw('(?::date - f.held_on) AS days', [today]), db.raw(TOTAL_SQL))
      .orderByRaw('f.held_on NULLS FIRST, gp.guardian_id')
      .limit(limit);
    return batchOf(rows, (r) => ({
      href: `/guardians/${r.id}`,
      title: r.last_followup
        ? `市民後見人 番号 ${r.id}：最後のフォローアップ研修から12か月以上`
        : `市民後見人 番号 ${r.id}：フォローアップ研修の受講記録なし`,
      since: r.last_followup,
      days: r.days,
    }));
  },
};
