import { createTestApp, TestApp } from '../../helpers/app';
import { insertPerson, makeUser, wardId } from '../../helpers/factories';
import { Agent, csrfFrom, loginAs } from '../../helpers/agent';
import { PERSON_LINKS } from '../../../src/features/persons/persons-queries';
import { doneThrough, insertPetition } from './petition-factory';

let t: TestApp;
let staff: Agent;

beforeAll(async () => {
  t = await createTestApp();
  staff = await loginAs(t.app, (await makeUser(t.db, { role: 'staff' })).username);
});
afterAll(async () => { await t.close(); });

test('petitions are a person link: merging two persons moves their petitions to the survivor', async () => {
  expect(PERSON_LINKS).toContainEqual({ table: 'petitions', column: 'person_id', label: '市長申立て' });
  const ward = await wardId(t.db, '中央区');
  const a = await insertPerson(t.db, { name: '統合 一子', name_kana: 'トウゴウ イチコ', birth_date: '1941-01-01', ward_id: ward });
  const b = await insertPerson(t.db, { name: '統合 壱子', name_kana: 'トウゴウ イチコ', birth_date: '1941-01-01', ward_id: ward });
  const pa = await insertPetition(t.db, { person_id: a, ward: '中央区' });
  const pb = await insertPetition(t.db, { person_id: b, ward: '中央区', stages: doneThrough(2) });
  const confirm = await staff.get(`/persons/${a}/merge?other_id=${b}`);
  expect(confirm.text).toContain('市長申立て 1件');
  const field = (n: string) => confirm.text.match(new RegExp(`name="${n}" value="(\\d+)"`))![1];
  const res = await staff.post(`/persons/${a}/merge`).type('form')
    .send({ _csrf: csrfFrom(confirm.text), other_id: field('other_id'), version: field('version'), other_version: field('other_version'), confirm: '1' });
  expect(res.status).toBe(303);
  expect((await t.db('petitions').whereIn('id', [pa, pb]).orderBy('id')).map((p) => p.person_id)).toEqual([a, a]);
  expect((await staff.get(`/petitions/${pb}`)).text).toContain('統合 一子');
});

test('the person\'s timeline lists their petitions with where each stands, linked, at their first stage date', async () => {
  const p = await insertPerson(t.db, { name: '経過 二郎', name_kana: 'ケイカ ジロウ' });
  const open = await insertPetition(t.db, { person_id: p, ward: '北区', intake: '2026-10-02', stages: doneThrough(7, '2026-10-03') });
  const closed = await insertPetition(t.db, { person_id: p, ward: '北区', intake: '2025-06-01', stages: [{ stage: 12, on: '2025-07-01' }], values: { close_kind: '却下' } });
  const page = await staff.get(`/persons/${p}`);
  expect(page.status).toBe(200);
  expect(page.text).toMatch(new RegExp(`令和8年10月3日</td>\\s*<td>市長申立て</td>\\s*<td><a href="/petitions/${open}">北区：現在 家裁申立て</a>`));
  expect(page.text).toMatch(new RegExp(`令和7年7月1日</td>\\s*<td>市長申立て</td>\\s*<td><a href="/petitions/${closed}">北区：終結（却下）</a>`));
});
