/**
 * Reminders on the home page, per kind and scoped: staff and managers see due follow-ups and
 * stalled petitions of every ward, a ward office only its ward's stalled petitions, the
 * administrator no case reminders at all. Today is 2026-11-27; the stall threshold is 30 days.
 */
import { useTestApp } from '../../helpers/suite';
import { categoryId } from '../consultations/helpers';
import { doneThrough, petitionIn } from '../petitions/petition-factory';
import { insertConsultation } from '../../helpers/factories';

const t = useTestApp();
const staff = t.user('staff');
const manager = t.user('manager');
const eastWard = t.user('ward', { ward: '東区' });
const westWard = t.user('ward', { ward: '西区' });
const admin = t.user('admin');

const ids = { due: [] as number[], notDue: [] as number[], stalled: { east: 0, west: 0 }, fresh: 0, closed: 0 };

beforeAll(async () => {
  const cat = await categoryId(t.db, '制度説明');
  const c = (v: Record<string, unknown>) => insertConsultation(t.db, { category_id: cat, consulted_on: '2026-10-01', ...v });
  ids.due.push(await c({ follow_up_on: '2026-11-20' }), await c({ follow_up_on: '2026-11-27' }));
  ids.notDue.push(
    await c({ follow_up_on: '2026-11-28' }),
    await c({ follow_up_on: '2026-11-01', follow_up_done_at: new Date() }),
    await c({ follow_up_on: '2026-11-01', deleted_at: new Date(), deleted_reason: '重複' }),
    await c({}),
  );
  // stage 4 since 2026-09-03 (stages 1–3 done 09-01 … 09-03): 85 days
  ids.stalled.east = (await petitionIn(t.db, '東区', { name: '東 停滞子', stages: doneThrough(3, '2026-09-01') })).id;
  ids.stalled.west = (await petitionIn(t.db, '西区', { name: '西 停滞子', stages: doneThrough(2, '2026-10-01') })).id;
  // since 2026-11-20: 7 days, not stalled
  ids.fresh = (await petitionIn(t.db, '東区', { stages: doneThrough(5, '2026-11-16') })).id;
  ids.closed = (await petitionIn(t.db, '東区', { stages: [...doneThrough(3, '2026-08-01'), { stage: 12, on: '2026-08-10', note: '取下げ' }] })).id;
});

/** The reminders section of a home page ('' when there is none). */
function remindersOf(html: string): string {
  const start = html.indexOf('<section class="reminders"');
  if (start < 0) return '';
  const ends = ['<ul class="menu-cards">', '<h2>', '<section aria-labelledby="dashboard'].map((m) => html.indexOf(m, start)).filter((i) => i > 0);
  return html.slice(start, Math.min(...ends));
}
const links = (section: string, path: string) => [...section.matchAll(new RegExp(`href="/${path}/(\\d+)"`, 'g'))].map((m) => Number(m[1]));

test('staff: the due follow-ups, oldest first, and the stalled petitions of every ward, longest first', async () => {
  const section = remindersOf((await staff.agent.get('/')).text);
  expect(section).toContain('フォローアップ日が来た相談（2件）');
  expect(links(section, 'consultations')).toEqual(ids.due);
  expect(section).toContain('令和8年11月20日から7日');
  expect(section).toContain('href="/consultations/follow-ups"');
  expect(section).toContain('停滞している市長申立て（2件）');
  expect(links(section, 'petitions')).toEqual([ids.stalled.east, ids.stalled.west]);
  expect(section).toContain(`市長申立て No.${ids.stalled.east}（東区）段階4「診断書・本人情報シート」`);
  expect(section).toContain('令和8年9月3日から85日');
  expect(section).toContain('href="/petitions?stalled=1"');
});

test('reminders name no person', async () => {
  const section = remindersOf((await staff.agent.get('/')).text);
  expect(section).not.toContain('停滞子');
  expect(section).not.toContain('熊本 花子');
});

test('manager: the same kinds', async () => {
  const section = remindersOf((await manager.agent.get('/')).text);
  expect(links(section, 'consultations')).toEqual(ids.due);
  expect(links(section, 'petitions')).toEqual([ids.stalled.east, ids.stalled.west]);
});

test('a ward office: on its petitions home, only its own ward\'s stalled petitions and no follow-ups', async () => {
  const east = remindersOf((await eastWard.agent.get('/')).text);
  expect(east).toContain('停滞している市長申立て（1件）');
  expect(links(east, 'petitions')).toEqual([ids.stalled.east]);
  expect(east).not.toContain('フォローアップ');
  expect(links(east, 'consultations')).toEqual([]);
  const west = remindersOf((await westWard.agent.get('/')).text);
  expect(links(west, 'petitions')).toEqual([ids.stalled.west]);
});

test('the administrator: no reminders section at all', async () => {
  const html = (await admin.agent.get('/')).text;
  expect(html).not.toContain('リマインダー');
  expect(remindersOf(html)).toBe('');
});

test('a follow-up marked done, or a petition moved on, leaves the list at once (computed, not stored)', async () => {
  await t.db('consultations').where({ id: ids.due[0] }).update({ follow_up_done_at: new Date() });
  await t.db('petition_stages').insert({ petition_id: ids.stalled.west, stage: 3, status: 'done', completed_on: '2026-11-26' });
  try {
    const section = remindersOf((await staff.agent.get('/')).text);
    expect(links(section, 'consultations')).toEqual([ids.due[1]]);
    expect(links(section, 'petitions')).toEqual([ids.stalled.east]);
  } finally {
    await t.db('consultations').where({ id: ids.due[0] }).update({ follow_up_done_at: null });
    await t.db('petition_stages').where({ petition_id: ids.stalled.west, stage: 3 }).del();
  }
});

test('nothing due: the section says so for a role that has reminders', async () => {
  t.clock.set(new Date('2026-09-10T01:00:00Z'));
  try {
    const section = remindersOf((await staff.agent.get('/')).text);
    expect(section).toContain('対応が必要なものはありません');
    expect(links(section, 'consultations')).toEqual([]);
  } finally {
    t.clock.set(new Date('2026-11-27T01:00:00Z'));
  }
});
