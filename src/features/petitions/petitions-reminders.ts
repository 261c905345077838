/**
 * Open mayoral petitions in one stage for the stall threshold or longer (the 停滞 of the petitions
 * list), a ward user's limited to their ward in SQL by scopedPetitions.
 */
import { stageDef } from './petition-stages';
import { STALLED_SQL, stallDays } from './petitions-list';
import { scopedPetitions } from './petitions-scope';
import { batchOf, ReminderSource, TOTAL_SQL } from '../../contracts/reminder';

interface Row { id: number; ward_name: string; current_stage: number; stage_since: string; days: number; total: number }

export const stalledPetitionReminders: ReminderSource = {
  kind: 'petition-stalled',
  label: '停滞している市長申立て',
  access: 'petitions:read',
  listHref: '/petitions?stalled=1',
  async fetch(db, user, today, limit) {
    const threshold = await stallDays(db);
    const rows: Row[] = await scopedPetitions(db, user)
      .join('petition_progress as pp', 'pp.petition_id', 'p.id')
      .join('wards as w', 'w.id', 'p.ward_id')
      .where('pp.closed', false)
      .whereRaw(STALLED_SQL, [today, threshold])
      .select('p.id', 'w.name as ward_name', 'pp.current_stage', 'pp.stage_since',
        db.raw('(?::date - pp.stage_since) AS days', [today]), db.raw(TOTAL_SQL))
      .orderByRaw('days DESC, p.id')
      .limit(limit);
    return batchOf(rows, (r) => ({
      href: `/petitions/${r.id}`,
      title: `市長申立て No.${r.id}（${r.ward_name}）段階${r.current_stage}「${stageDef(r.current_stage).name}」`,
      since: r.stage_since,
      days: r.days,
    }));
  },
};
