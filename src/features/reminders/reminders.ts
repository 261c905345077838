/** The reminders on a user's home page: every source their role may read, counted and cut to the first few. */
import type { RequestHandler } from 'express';
import type { Knex } from 'knex';
import { can, Principal } from '../../policy';
import type { ReminderBatch, ReminderSource } from '../../contracts/reminder';
import { today } from '../../http/today';

/** Items shown per kind; the rest are behind 「すべて見る」. */
export const REMINDERS_SHOWN = 5;

export interface ReminderGroup extends ReminderBatch {
  kind: string;
  label: string;
  listHref: string | null;
}

/** Sources the user may not read are never run; a kind with nothing waiting is left out. */
export async function loadReminders(
  db: Knex, user: Principal, today: string, sources: readonly ReminderSource[], limit = REMINDERS_SHOWN,
): Promise<{ applicable: boolean; groups: ReminderGroup[] }> {
  const mine = sources.filter((s) => can(user, s.access));
  const batches = await Promise.all(mine.map((s) => s.fetch(db, user, today, limit)));
  const groups = mine.map((s, i) => ({ kind: s.kind, label: s.label, listHref: s.listHref ?? null, ...batches[i] }));
  return { applicable: mine.length > 0, groups: groups.filter((g) => g.count > 0) };
}

/** Puts `reminders` from `sources` (the Registry's) in res.locals for the home views (views/reminders/list.ejs). */
export const reminderLocals = (sources: readonly ReminderSource[]): RequestHandler => async (req, res, next) => {
  res.locals.reminders = await loadReminders(req.deps.db, req.user!, today(req), sources);
  next();
};
