import { useTestApp } from '../../helpers/suite';
import { codeId, insertConsultation, makeUser, wardId } from '../../helpers/factories';
import { loginAs, postForm } from '../../helpers/agent';
import { categoryId, listedIds, nextLink } from './helpers';

const t = useTestApp(); // today is 2026-11-27 in Tokyo
const staffA = t.user('staff');
let staffB: number;
const ids: Record<string, number> = {};

beforeAll(async () => {
  staffB = (await makeUser(t.db, { role: 'staff' })).id;
  const explain = await categoryId(t.db, '制度説明');
  const welfare = await categoryId(t.db, '身上保護', '後見人支援');
  const property = await categoryId(t.db, '財産管理', '後見人支援');
  const phone = await codeId(t.db, 'consultation_method', '電話');
  const visit = await codeId(t.db, 'consultation_method', '来所');
  const family = await codeId(t.db, 'consultee', '親族');
  const east = await wardId(t.db, '東区');
  const west = await wardId(t.db, '西区');
  const rows: [string, Record<string, unknown> & { category_id: number }][] = [
    // FY2024 ends 2025-03-31; FY2025 starts 2025-04-01.
    ['fy24end', { consulted_on: '2025-03-31', category_id: explain, method_id: phone, ward_id: east, staff_id: staffA.id, content: '預金の管理について' }],
    ['fy25start', { consulted_on: '2025-04-01', category_id: welfare, method_id: visit, ward_id: west, staff_id: staffB, response: '100%対応した' }],
    ['may25', { consulted_on: '2025-05-10', category_id: property, method_id: phone, consultee_id: family, ward_id: east, staff_id: staffA.id, content: 'a_b 口座' }],
    ['dueOld', { consulted_on: '2026-10-01', category_id: explain, follow_up_on: '2026-10-15', staff_id: staffB }],
    ['dueToday', { consulted_on: '2026-11-20', category_id: explain, follow_up_on: '2026-11-27', staff_id: staffA.id }],
    ['notYet', { consulted_on: '2026-11-21', category_id: explain, follow_up_on: '2026-11-28', staff_id: staffA.id }],
    ['done', { consulted_on: '2026-09-01', category_id: explain, follow_up_on: '2026-09-10', follow_up_done_at: new Date('2026-09-10T01:00:00Z') }],
    ['deleted', { consulted_on: '2026-11-01', category_id: explain, follow_up_on: '2026-11-02', content: '預金', deleted_at: new Date(), deleted_reason: '重複' }],
  ];
  for (const [key, row] of rows) ids[key] = await insertConsultation(t.db, row);
});

const list = async (query: string) => {
  const res = await staffA.agent.get(`/consultations?${query}`);
  expect(res.status).toBe(200);
  return listedIds(res.text);
};
const pick = (...keys: string[]) => keys.map((k) => ids[k]);

describe('list filters', () => {
  test('no filter: every live row, newest first, the deleted one absent', async () => {
    expect(await list('')).toEqual(pick('notYet', 'dueToday', 'dueOld', 'done', 'may25', 'fy25start', 'fy24end'));
  });

  test('fiscal year runs 4/1 to 3/31; a month narrows within it; a month alone matches any year', async () => {
    expect(await list('fy=2024')).toEqual(pick('fy24end'));
    expect(await list('fy=2025')).toEqual(pick('may25', 'fy25start'));
    expect(await list('fy=2025&month=5')).toEqual(pick('may25'));
    expect(await list('fy=2024&month=3')).toEqual(pick('fy24end'));
    expect(await list('month=4')).toEqual(pick('fy25start'));
  });

  test('category: a leaf, or a parent meaning all its children', async () => {
    expect(await list(`category=${await categoryId(t.db, '財産管理', '後見人支援')}`)).toEqual(pick('may25'));
    expect(await list(`category=${await categoryId(t.db, '後見人支援')}`)).toEqual(pick('may25', 'fy25start'));
  });

  test('ward, method, consultee and staff each narrow', async () => {
    expect(await list(`ward=${await wardId(t.db, '西区')}`)).toEqual(pick('fy25start'));
    expect(await list(`method=${await codeId(t.db, 'consultation_method', '電話')}`)).toEqual(pick('may25', 'fy24end'));
    expect(await list(`consultee=${await codeId(t.db, 'consultee', '親族')}`)).toEqual(pick('may25'));
    expect(await list(`staff=${staffB}`)).toEqual(pick('dueOld', 'fy25start'));
    expect(await list(`staff=${staffA.id}&ward=${await wardId(t.db, '東区')}`)).toEqual(pick('may25', 'fy24end'));
  });

  test('follow-up due: date come (≤ today) and not done', async () => {
    expect(await list('due=1')).toEqual(pick('dueToday', 'dueOld'));
  });

  test('free text searches content and response; % and _ are literal', async () => {
    expect(await list(`q=${encodeURIComponent('預金')}`)).toEqual(pick('fy24end'));
    expect(await list(`q=${encodeURIComponent('100%')}`)).toEqual(pick('fy25start'));
    expect(await list('q=%25')).toEqual(pick('fy25start'));
    expect(await list('q=a_b')).toEqual(pick('may25'));
    expect(await list('q=_')).toEqual(pick('may25'));
  });

  test('malformed filter values are ignored, not errors', async () => {
    expect(await list('fy=abc&month=13&ward=x&after=nonsense')).toHaveLength(7);
  });
});

describe('keyset pages', () => {
  test('following the next links visits every row exactly once, in order, with filters kept', async () => {
    const explain = await categoryId(t.db, '制度説明');
    const extra: number[] = [];
    for (let i = 0; i < 123; i++) {
      // Several rows share a date, so the id breaks ties.
      extra.push(await insertConsultation(t.db, { consulted_on: `2023-0${4 + (i % 5)}-1${i % 3}`, category_id: explain, content: '一括' }));
    }
    const expected = (await t.db('consultations').whereNull('deleted_at').where({ content: '一括' })
      .orderBy([{ column: 'consulted_on', order: 'desc' }, { column: 'id', order: 'desc' }]).pluck('id')) as number[];
    const seen: number[] = [];
    let url: string | null = `/consultations?q=${encodeURIComponent('一括')}`;
    let pages = 0;
    while (url) {
      const res = await staffA.agent.get(url);
      const page = listedIds(res.text);
      expect(page.length).toBeLessThanOrEqual(50);
      seen.push(...page);
      url = nextLink(res.text);
      if (url) expect(url).toContain('q=%E4%B8%80%E6%8B%AC');
      pages++;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(expected);
    expect(new Set(seen).size).toBe(123);
    expect(seen.sort()).toEqual([...extra].sort());
  });
});

describe('follow-ups', () => {
  test('lists due, undone, live follow-ups oldest first; marking one done removes it and audits', async () => {
    const res = await staffA.agent.get('/consultations/follow-ups');
    expect(res.status).toBe(200);
    expect(listedIds(res.text)).toEqual(pick('dueOld', 'dueToday'));
    expect(res.text).toContain('43日');
    const done = await postForm(staffA.agent, `/consultations/${ids.dueOld}/follow-up-done`, {}, '/consultations/follow-ups');
    expect(done.status).toBe(303);
    expect(done.headers.location).toBe('/consultations/follow-ups');
    expect(listedIds((await staffA.agent.get('/consultations/follow-ups')).text)).toEqual(pick('dueToday'));
    expect(await t.db('audit_log').where({ action: 'consultation.follow_up_done', record_id: String(ids.dueOld) })).toHaveLength(1);
    t.clock.advance(24 * 3600_000);
    try {
      const tomorrow = await loginAs(t.app, staffA.username);
      expect(listedIds((await tomorrow.get('/consultations/follow-ups')).text)).toEqual(pick('dueToday', 'notYet'));
    } finally {
      t.clock.advance(-24 * 3600_000);
    }
  });
});
