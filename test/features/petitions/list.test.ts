import { createTestApp, TestApp } from '../../helpers/app';
import { insertPerson, makeUser, wardId } from '../../helpers/factories';
import { Agent, csrfFrom, loginAs } from '../../helpers/agent';
import { audits, doneThrough, insertPetition, listedIds, petitionIn } from './petition-factory';

let t: TestApp;
let staff: Agent;
let east: Agent;
const ids: Record<string, number> = {};

/** Today is 2026-11-27 (the test clock). */
beforeAll(async () => {
  t = await createTestApp();
  staff = await loginAs(t.app, (await makeUser(t.db, { role: 'staff' })).username);
  east = await loginAs(t.app, (await makeUser(t.db, { role: 'ward', ward: '東区' })).username);
  const person = await insertPerson(t.db, { name: '一覧 太郎', name_kana: 'イチラン タロウ' });
  const add = async (key: string, ward: string, stages: Parameters<typeof insertPetition>[1]['stages'], extra: Partial<Parameters<typeof insertPetition>[1]> = {}) => {
    ids[key] = await insertPetition(t.db, { person_id: person, ward, stages, ...extra });
  };
  await add('fresh', '東区', [], { intake: '2026-11-20' }); // stage 1 since intake: 7 days
  await add('d10', '東区', [...doneThrough(2, '2026-11-01'), { stage: 3, on: '2026-11-17' }]); // stage 4, 10 days
  await add('d40', '東区', [{ stage: 1, on: '2026-10-18' }]); // stage 2, 40 days
  await add('d35', '西区', [...doneThrough(5, '2026-10-01'), { stage: 6, status: 'not_needed', on: '2026-10-23' }]); // stage 7, 35 days
  await add('unknown', '東区', [{ stage: 1, status: 'historical' }, { stage: 2, status: 'historical' }]); // stage 3, days unknown
  await add('filedFy25', '西区', doneThrough(8, '2026-03-24'), { filed_on: '2026-03-31' }); // filed on the last day of FY2025
  await add('filedFy26', '東区', doneThrough(8, '2026-11-15'), { filed_on: '2026-04-01' }); // the first day of FY2026; stage 9, 5 days
  await add('closed', '東区', [...doneThrough(2, '2026-10-01'), { stage: 12, on: '2026-10-05', note: '本人死亡' }], { values: { close_kind: '取下げ' } });
});
afterAll(async () => { await t.close(); });

const pos = (list: number[], key: string) => list.indexOf(ids[key]);

describe('derived progress', () => {
  test('current stage and days in stage come from the view: intake day, previous stage date, not-needed stage, historical', async () => {
    const rows = await t.db('petition_progress').whereIn('petition_id', Object.values(ids)).select('petition_id', 'current_stage', 'stage_since', 'closed');
    const by = new Map(rows.map((r) => [r.petition_id, r]));
    expect(by.get(ids.fresh)).toMatchObject({ current_stage: 1, stage_since: '2026-11-20', closed: false });
    expect(by.get(ids.d10)).toMatchObject({ current_stage: 4, stage_since: '2026-11-17' });
    expect(by.get(ids.d35)).toMatchObject({ current_stage: 7, stage_since: '2026-10-23' });
    expect(by.get(ids.unknown)).toMatchObject({ current_stage: 3, stage_since: null });
    expect(by.get(ids.closed)).toMatchObject({ current_stage: null, stage_since: null, closed: true });
    const page = (await staff.get('/petitions?closed=include')).text;
    const row = (key: string) => page.match(new RegExp(`<a href="/petitions/${ids[key]}">[\\s\\S]*?</tr>`))![0];
    expect(row('fresh')).toMatch(/1 相談受付[\s\S]*>7日</);
    expect(row('d10')).toMatch(/4 診断書・本人情報シート[\s\S]*>10日<[\s\S]*診断書と本人情報シートを取り寄せる/);
    expect(row('d35')).toMatch(/7 決裁[\s\S]*>35日<[\s\S]*市長申立ての決裁を受ける/);
    expect(row('unknown')).toMatch(/3 親族調査[\s\S]*>不明</);
    expect(row('closed')).toContain('終結（取下げ）');
  });

  test('across a fiscal-year boundary: completed 3/31, on 4/1 it is one day', async () => {
    const { id } = await petitionIn(t.db, '北区', { stages: [{ stage: 1, on: '2026-03-31' }] });
    t.clock.set(new Date('2026-04-01T00:30:00+09:00'));
    try {
      const page = (await staff.get(`/petitions/${id}`)).text;
      expect(page).toMatch(/この段階の日数<\/dt><dd>1日（令和8年3月31日から）/);
      expect(page).toContain('（1日目）');
    } finally {
      t.clock.set(new Date('2026-11-27T01:00:00Z'));
    }
  });
});

describe('order and the stall threshold', () => {
  test('stalled first, then by days in stage (longest first), unknown days last', async () => {
    const list = listedIds((await staff.get('/petitions')).text);
    expect(pos(list, 'd40')).toBeLessThan(pos(list, 'd35'));
    expect(pos(list, 'd35')).toBeLessThan(pos(list, 'd10'));
    expect(pos(list, 'd10')).toBeLessThan(pos(list, 'fresh'));
    expect(pos(list, 'fresh')).toBeLessThan(pos(list, 'unknown'));
    expect(list[list.length - 1]).toBe(ids.unknown);
  });

  test('the threshold is the master-data setting: changing it changes the 停滞 badges and the 停滞のみ filter', async () => {
    const stalledOnly = async () => listedIds((await staff.get('/petitions?stalled=1')).text);
    expect(await stalledOnly()).toEqual(expect.arrayContaining([ids.d40, ids.d35]));
    expect(await stalledOnly()).not.toContain(ids.d10);
    const admin = await loginAs(t.app, (await makeUser(t.db, { role: 'admin' })).username);
    const form = (await admin.get('/admin/masters/settings')).text;
    const version = form.match(/name="version" value="(\d+)"/)![1];
    const res = await admin.post('/admin/masters/settings').type('form').send({ _csrf: csrfFrom(form), petition_stall_days: '8', version });
    expect(res.status).toBe(303);
    const after = await stalledOnly();
    expect(after).toEqual(expect.arrayContaining([ids.d40, ids.d35, ids.d10]));
    expect(after).not.toContain(ids.fresh);
    const page = (await staff.get('/petitions')).text;
    expect(page).toContain('同じ段階に8日以上');
    expect(page.match(/<a href="\/petitions\/\d+">[\s\S]*?<\/tr>/g)!.filter((r) => r.includes('停滞')).length).toBeGreaterThanOrEqual(3);
    await t.db('settings').where({ key: 'petition_stall_days' }).update({ int_value: 30 });
  });
});

describe('filters', () => {
  test('区, 現在の段階, 終結, 申立年度 (fiscal year of the filing date)', async () => {
    const west = await wardId(t.db, '西区');
    expect(listedIds((await staff.get(`/petitions?ward=${west}`)).text).sort()).toEqual([ids.d35, ids.filedFy25].sort());
    expect(listedIds((await staff.get('/petitions?stage=4')).text)).toEqual([ids.d10]);
    expect(listedIds((await staff.get('/petitions?closed=only')).text)).toEqual([ids.closed]);
    expect(listedIds((await staff.get('/petitions')).text)).not.toContain(ids.closed);
    expect(listedIds((await staff.get('/petitions?closed=include')).text)).toContain(ids.closed);
    expect(listedIds((await staff.get('/petitions?fy=2025')).text)).toEqual([ids.filedFy25]);
    expect(listedIds((await staff.get('/petitions?fy=2026')).text)).toEqual([ids.filedFy26]);
    const page = (await staff.get('/petitions')).text;
    expect(page).toContain('令和7年度（2025年度）');
    expect(page).toContain('令和8年度（2026年度）');
    expect(await audits(t.db, 'petition.list')).not.toHaveLength(0);
  });

  test('a ward user sees only their ward; the ward filter is not offered and a ward in the URL is ignored', async () => {
    const west = await wardId(t.db, '西区');
    const page = await east.get(`/petitions?ward=${west}&closed=include`);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('name="ward"');
    const list = listedIds(page.text);
    expect(list).toEqual(expect.arrayContaining([ids.fresh, ids.d10, ids.d40, ids.unknown, ids.filedFy26, ids.closed]));
    expect(list).not.toContain(ids.d35);
    expect(list).not.toContain(ids.filedFy25);
    expect(listedIds((await east.get('/petitions?fy=2025')).text)).toEqual([]);
    expect(listedIds((await east.get('/petitions?stage=7')).text)).toEqual([]);
  });
});

describe('home', () => {
  test('a ward user\'s home is their ward\'s open petitions, stalled first; staff keep the menu with 市長申立て', async () => {
    const home = await east.get('/');
    expect(home.status).toBe(200);
    const list = listedIds(home.text);
    expect(list[0]).toBe(ids.d40);
    expect(list).not.toContain(ids.d35);
    expect(list).not.toContain(ids.closed);
    expect(home.text).toContain('href="/account/password"');
    const staffHome = await staff.get('/');
    expect(staffHome.text).toContain('href="/petitions">市長申立て</a>');
    expect(listedIds(staffHome.text)).toEqual([]);
    const manager = await loginAs(t.app, (await makeUser(t.db, { role: 'manager' })).username);
    expect((await manager.get('/')).text).toContain('href="/petitions">市長申立て</a>');
    const admin = await loginAs(t.app, (await makeUser(t.db, { role: 'admin' })).username);
    expect((await admin.get('/')).text).not.toContain('href="/petitions"');
  });
});
