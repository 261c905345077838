/**
 * Bank registrants (an open バンク登録 period) who attended no follow-up session in the last 12
 * months: the last one on or before the same date a year ago, or none at all.
 */
import { batchOf, ReminderSource, TOTAL_SQL } from '../../contracts/reminder';

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
