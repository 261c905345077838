/**
 * 報酬助成 applications still at 受付 or 審査 more than 30 days after they were received (the
 * creation date where an imported record has no 受付日). Managers decide them, staff prepare
 * them: both read them. The list filters one status at a time, so there is no 「すべて見る」.
 */
import { batchOf, ReminderSource, TOTAL_SQL } from '../../contracts/reminder';

/** Days an application may wait for its decision before it is a reminder. */
export const SUBSIDY_WAIT_DAYS = 30;

interface Row { id: number; ward_name: string; status: string; since: string; days: number; total: number }

const SINCE_SQL = "COALESCE(s.received_on, (s.created_at AT TIME ZONE 'Asia/Tokyo')::date)";

export const waitingSubsidyReminders: ReminderSource = {
  kind: 'subsidy-waiting',
  label: `決定を待って${SUBSIDY_WAIT_DAYS}日を超えた報酬助成の申請`,
  access: 'subsidies:read',
  async fetch(db, _user, today, limit) {
    const since = db.raw(SINCE_SQL);
    const rows: Row[] = await db('subsidies as s')
      .join('wards as w', 'w.id', 's.ward_id')
      .whereNull('s.deleted_at').whereIn('s.status', ['受付', '審査'])
      .whereRaw('? < ?::date - ?::int', [since, today, SUBSIDY_WAIT_DAYS])
      .select('s.id', 'w.name as ward_name', 's.status', db.raw('(?)::text AS since', [since]),
        db.raw('(?::date - ?) AS days', [today, since]), db.raw(TOTAL_SQL))
      .orderByRaw('days DESC, s.id')
      .limit(limit);
    return batchOf(rows, (r) => ({
      href: `/subsidies/${r.id}`,
      title: `報酬助成 番号 ${r.id}（${r.ward_name}）${r.status}`,
      since: r.since,
      days: r.days,
    }));
  },
};
