/** Consultations whose follow-up date has come and that are not marked done (as /consultations/follow-ups lists them). */
import { toWareki } from '../../lib/dates';
import { batchOf, ReminderSource, TOTAL_SQL } from '../../contracts/reminder';

interface Row { id: number; consulted_on: string; follow_up_on: string; category: string; days: number; total: number }

export const followUpReminders: ReminderSource = {
  kind: 'consultation-follow-up',
  label: 'フォローアップ日が来た相談',
  access: 'consultations:read',
  listHref: '/consultations/follow-ups',
  async fetch(db, _user, today, limit) {
    // The partial index consultations_follow_up covers exactly these rows (open, live, with a date).
    const rows: Row[] = await db('consultations as c')
      .join('consultation_categories as cat', 'cat.id', 'c.category_id')
      .whereNull('c.deleted_at').whereNull('c.follow_up_done_at')
      .whereNotNull('c.follow_up_on').where('c.follow_up_on', '<=', today)
      .select('c.id', 'c.consulted_on', 'c.follow_up_on', 'cat.name as category',
        db.raw('(?::date - c.follow_up_on) AS days', [today]), db.raw(TOTAL_SQL))
      .orderBy([{ column: 'c.follow_up_on', order: 'asc' }, { column: 'c.id', order: 'asc' }])
      .limit(limit);
    return batchOf(rows, (r) => ({
      href: `/consultations/${r.id}`,
      title: `${toWareki(r.consulted_on)}の相談（${r.category}）`,
      since: r.follow_up_on,
      days: r.days,
    }));
  },
};
