/** loadReminders: counts in SQL beyond the shown few, and sources run only for roles that may read them. */
import { loadReminders } from '../../../src/features/reminders/reminders';
import { REMINDER_SOURCES } from '../../../src/features';
import type { ReminderSource } from '../../../src/contracts/reminder';
import type { Principal } from '../../../src/policy';
import { useTestDatabase } from '../../helpers/suite';
import { categoryId } from '../consultations/helpers';
import { insertConsultation } from '../../helpers/factories';

const t = useTestDatabase();
const TODAY = '2026-11-27';
const staff: Principal = { id: 1, role: 'staff', ward_id: null };
const admin: Principal = { id: 2, role: 'admin', ward_id: null };

beforeAll(async () => {
  const cat = await categoryId(t.db, '問い合わせ');
  // 12 due follow-ups on 12 different days, inserted newest first
  for (let d = 12; d >= 1; d--) {
    await insertConsultation(t.db, { category_id: cat, consulted_on: '2026-10-01', follow_up_on: `2026-11-${String(d).padStart(2, '0')}` });
  }
});

test('the count is every due row; the items are the first N, oldest first', async () => {
  const { groups } = await loadReminders(t.db, staff, TODAY, REMINDER_SOURCES, 5);
  const followUps = groups.find((g) => g.kind === 'consultation-follow-up')!;
  expect(followUps.count).toBe(12);
  expect(followUps.items.map((i) => i.since)).toEqual(['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05']);
  expect(followUps.items[0].days).toBe(26);
  // a kind with nothing waiting is left out
  expect(groups.map((g) => g.kind)).toEqual(['consultation-follow-up']);
});

test('the home page shows five and links to the rest', async () => {
  const { groups } = await loadReminders(t.db, staff, TODAY, REMINDER_SOURCES);
  expect(groups[0].items).toHaveLength(5);
  expect(groups[0].listHref).toBe('/consultations/follow-ups');
});

test('a source is run only for a role with its permission', async () => {
  const calls: string[] = [];
  const source = (kind: string, access: ReminderSource['access']): ReminderSource => ({
    kind, label: kind, access,
    fetch: async (_db, user) => { calls.push(`${kind}:${user.role}`); return { count: 1, items: [{ href: '/x', title: kind, since: null, days: null }] }; },
  });
  const sources = [source('users', 'users:manage'), source('cases', 'persons:write')];
  const forAdmin = await loadReminders(t.db, admin, TODAY, sources);
  const forStaff = await loadReminders(t.db, staff, TODAY, sources);
  expect(calls).toEqual(['users:admin', 'cases:staff']);
  expect(forAdmin.groups.map((g) => g.kind)).toEqual(['users']);
  expect(forStaff.groups.map((g) => g.kind)).toEqual(['cases']);
  expect((await loadReminders(t.db, admin, TODAY, REMINDER_SOURCES)).applicable).toBe(false);
});
