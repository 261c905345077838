/**
 * Open mayoral petitions in one stage for the stall threshold or longer (the 停滞 of the petitions
 * list), a ward user's limited to their ward in SQL (stalledPetitions).
 */
import { stageDef } from '../stages/petition-stages';
import { stallDays, stalledPetitions } from './petitions-list';
import { batchOf, ReminderSource } from '../../../contracts/reminder';

export const stalledPetitionReminders: ReminderSource = {
  kind: 'petition-stalled',
  label: '停滞している市長申立て',
  access: 'petitions:read',
  listHref: '/petitions?stalled=1',
  async fetch(db, user, today, limit) {
    const rows = await stalledPetitions(db, user, today, await stallDays(db), limit);
    return batchOf(rows, (r) => ({
      href: `/petitions/${r.id}`,
      title: `市長申立て No.${r.id}（${r.ward_name}）段階${r.current_stage}「${stageDef(r.current_stage).name}」`,
      since: r.stage_since,
      days: r.days,
    }));
  },
};
