import { createTestApp, TestApp } from '../../helpers/app';
import { insertConsultation, makeUser } from '../../helpers/factories';
import { Agent, csrfFrom, loginAs } from '../../helpers/agent';
import { routeName } from '../../helpers/routes';
import { RouteSpec } from '../../../src/http/routes';
import { can, Principal } from '../../../src/policy';
import { audits, doneThrough, insertRelative, petitionIn } from './petition-factory';

let t: TestApp;
let eastUser: Principal & { username: string };
let east: Agent;
let token: string;

beforeAll(async () => {
  t = await createTestApp();
  const u = await makeUser(t.db, { role: 'ward', ward: '東区' });
  eastUser = { id: u.id, role: 'ward', ward_id: u.ward_id, username: u.username };
  east = await loginAs(t.app, u.username);
  token = csrfFrom((await east.get('/account/password')).text);
});
afterAll(async () => { await t.close(); });

/** Every route under /petitions as the app registered it (other features' petition routes included). */
const petitionRoutes = () => t.routes.filter((r) => r.path === '/petitions' || r.path.startsWith('/petitions/'));
const PETITION_PARAM = /:(petitionId|id)\b/;

function urlFor(route: RouteSpec, petitionId: number, relativeId: number): string {
  return route.path.replace(PETITION_PARAM, String(petitionId)).replace(':relativeId', String(relativeId)).replace(/:[A-Za-z]+/g, '999999');
}

const send = (agent: Agent, route: RouteSpec, url: string) => (route.method === 'get'
  ? agent.get(url)
  : agent.post(url).type('form').send({ _csrf: token, stage: '1', stage_status: 'done', stage_on: '2026-11-01', version: '1', rel_name: 'x', rel_relation: '子', rel_degree: '1' }));

test('the registry holds the petition routes this feature declares', () => {
  const names = petitionRoutes().map(routeName);
  expect(names).toEqual(expect.arrayContaining([
    'GET /petitions', 'GET /petitions/new', 'POST /petitions', 'GET /petitions/:petitionId', 'GET /petitions/:petitionId/edit',
    'POST /petitions/:petitionId', 'POST /petitions/:petitionId/stages', 'POST /petitions/:petitionId/stages/undo',
    'POST /petitions/:petitionId/relatives', 'GET /petitions/:petitionId/relatives/:relativeId/edit',
    'POST /petitions/:petitionId/relatives/:relativeId', 'POST /petitions/:petitionId/relatives/:relativeId/delete',
    'POST /petitions/:petitionId/documents',
  ]));
});

test('a ward user asking for another ward\'s petition on any route gets 404 (403 where the role lacks the permission), audited, and nothing changes', async () => {
  const { id } = await petitionIn(t.db, '西区', { name: '西区 太郎', kana: 'ニシク タロウ', stages: doneThrough(2) });
  const rel = await insertRelative(t.db, id, '西区 次郎');
  const before = { petition: await t.db('petitions').where({ id }).first(), stages: await t.db('petition_stages').where({ petition_id: id }).count({ n: '*' }) };
  const withId = petitionRoutes().filter((r) => PETITION_PARAM.test(r.path));
  expect(withId.length).toBeGreaterThanOrEqual(10);
  for (const route of withId) {
    const denied = (await audits(t.db, 'petition.denied', id)).length;
    const res = await send(east, route, urlFor(route, id, rel));
    const expected = can(eastUser, route.access) ? 404 : 403;
    expect([routeName(route), res.status]).toEqual([routeName(route), expected]);
    expect([routeName(route), res.text.includes('西区 太郎') || res.text.includes('西区 次郎')]).toEqual([routeName(route), false]);
    if (expected === 404) expect([routeName(route), (await audits(t.db, 'petition.denied', id)).length]).toEqual([routeName(route), denied + 1]);
  }
  expect(await t.db('petitions').where({ id }).first()).toEqual(before.petition);
  expect(await t.db('petition_stages').where({ petition_id: id }).count({ n: '*' })).toEqual(before.stages);
  expect(await t.db('petition_relatives').where({ id: rel }).first()).toMatchObject({ name: '西区 次郎', version: 1 });
  expect(await audits(t.db, 'petition.view', id)).toHaveLength(0);
});

test('the same routes on the user\'s own ward are allowed where the role has the permission', async () => {
  for (const route of petitionRoutes().filter((r) => PETITION_PARAM.test(r.path))) {
    const { id } = await petitionIn(t.db, '東区', { stages: doneThrough(2) });
    const rel = await insertRelative(t.db, id);
    const res = await send(east, route, urlFor(route, id, rel));
    const allowed = can(eastUser, route.access);
    expect([routeName(route), allowed ? res.status < 500 && res.status !== 404 && res.status !== 403 : res.status === 403]).toEqual([routeName(route), true]);
  }
});

test('routes without a petition id never show another ward\'s petition to a ward user', async () => {
  await petitionIn(t.db, '南区', { name: '南区 三郎', kana: 'ミナミク サブロウ' });
  for (const route of petitionRoutes().filter((r) => !PETITION_PARAM.test(r.path))) {
    const res = await send(east, route, urlFor(route, 999999, 999999));
    expect([routeName(route), res.status < 500, res.text.includes('南区 三郎')]).toEqual([routeName(route), true, false]);
    if (!can(eastUser, route.access)) expect([routeName(route), res.status]).toEqual([routeName(route), 403]);
  }
});

describe('what a ward user sees of the person', () => {
  test('only 氏名, 氏名カナ, 生年月日 and 住所 — no phone, no notes, no consultations, no link to the person record', async () => {
    const { id, personId } = await petitionIn(t.db, '東区', { name: '東 四郎', kana: 'ヒガシ シロウ', phone: '096-999-8765' });
    await t.db('persons').where({ id: personId }).update({ notes: '長女と疎遠（備考）', handbook_grade: 'A1等級' });
    await t.db('consultations').where({ id: await insertConsultation(t.db, { person_id: personId, consulted_on: '2026-04-01' }) }).update({ content: '相談内容ひみつ' });
    const ward = await east.get(`/petitions/${id}`);
    expect(ward.status).toBe(200);
    for (const shown of ['東 四郎', 'ヒガシ シロウ', '昭和15年5月6日', '熊本市中央区手取本町1-1']) expect(ward.text).toContain(shown);
    for (const hidden of ['096-999-8765', '長女と疎遠', 'A1等級', '相談内容ひみつ', `/persons/${personId}`, '電話番号', '相談記録']) expect([hidden, ward.text.includes(hidden)]).toEqual([hidden, false]);
    expect(await audits(t.db, 'petition.view', id)).toHaveLength(1);

    const staff = await loginAs(t.app, (await makeUser(t.db, { role: 'staff' })).username);
    const full = await staff.get(`/petitions/${id}`);
    expect(full.text).toContain('096-999-8765');
    expect(full.text).toContain(`href="/persons/${personId}"`);
    expect((await east.get(`/persons/${personId}`)).status).toBe(403);
  });
});
