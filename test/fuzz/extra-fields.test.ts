/**
 * Fields a form does not have are ignored, however plausible: a role in one's own password change,
 * a version / id / author / deletion mark in a create, a ward from a ward user.
 */
import { useTestApp } from '../helpers/suite';
import { TEST_PASSWORD, insertPerson, wardId } from '../helpers/factories';
import { openForm, send, submit } from './browser';
import { insertPetition, insertRelative } from '../features/petitions/petition-factory';

const t = useTestApp();
const staff = t.user('staff');
const ward = t.user('ward', { ward: '東区' });
const admin = t.user('admin');

let west = 0;
let petition = 0;
let relative = 0;
beforeAll(async () => {
  west = await wardId(t.db, '西区');
  const person = await insertPerson(t.db, { name: '余計 花子', name_kana: 'ヨケイ ハナコ', ward_id: await wardId(t.db, '東区') });
  petition = await insertPetition(t.db, { person_id: person, ward: '東区', stages: [{ stage: 1, on: '2026-11-01' }] });
  relative = await insertRelative(t.db, petition);
});

const FORGED = (extra: Record<string, string> = {}) => ({
  role: 'admin', version: '9999', id: '424242', created_by: String(admin.id), updated_by: String(admin.id), deleted_at: '2020-01-01',
  deleted_reason: '改ざん', merged_into_id: '1', must_change_password: 'false', ...extra,
});

test('a staff user posting role=admin with their own password change stays staff', async () => {
  const { agent, id } = await t.login('staff');
  const res = await submit(agent, '/account/password', '/account/password', {
    current: TEST_PASSWORD, password: 'a much longer new passphrase 42', confirm: 'a much longer new passphrase 42', ...FORGED({ ward_id: String(west) }),
  });
  expect(res.status).toBe(303);
  const user = await t.db('users').where({ id }).first();
  expect([user.role, user.ward_id, user.version]).toEqual(['staff', null, 2]);
  expect((await agent.get('/admin/users')).status).toBe(403);
});

test('version, id, author and deletion marks posted with a new person, consultation or petition are not taken', async () => {
  const p = await submit(staff.agent, '/persons/new', '/persons', { name: '余計 太郎', name_kana: 'ヨケイ タロウ', ...FORGED({ ward_id: String(await wardId(t.db, '東区')) }) });
  expect(p.status).toBe(303);
  const person = await t.db('persons').where({ id: Number(p.headers.location.split('/').pop()) }).first();
  expect([person.id === 424242, person.version, person.created_by, person.merged_into_id]).toEqual([false, 1, staff.id, null]);

  const c = await submit(staff.agent, '/consultations/new', '/consultations', { category_id: '1', ...FORGED() });
  expect(c.status).toBe(303);
  const consultation = await t.db('consultations').where({ id: Number(c.headers.location.split('/').pop()) }).first();
  expect([consultation.version, consultation.created_by, consultation.deleted_at, consultation.deleted_reason]).toEqual([1, staff.id, null, null]);

  const n = await submit(staff.agent, `/petitions/new?person_id=${person.id}`, '/petitions', FORGED());
  expect(n.status).toBe(303);
  const created = await t.db('petitions').where({ id: Number(n.headers.location.split('/').pop()) }).first();
  expect([created.version, created.created_by]).toEqual([1, staff.id]);
  expect(await t.db('persons').where({ id: 424242 }).first()).toBeUndefined();
});

test('an edit takes no id or author posted with it, and its version moves on by one', async () => {
  const before = await t.db('petitions').where({ id: petition }).first('version');
  const res = await submit(staff.agent, `/petitions/${petition}/edit`, `/petitions/${petition}`, { created_by: String(admin.id), updated_by: String(admin.id), id: '424242' });
  expect(res.status).toBe(303);
  const p = await t.db('petitions').where({ id: petition }).first();
  expect([p.created_by === admin.id, p.updated_by, p.version]).toEqual([false, staff.id, before.version + 1]);
  expect(await t.db('petitions').where({ id: 424242 }).first()).toBeUndefined();
});

test('ward_id from a ward user never moves a petition to another ward', async () => {
  const before = await t.db('petitions').where({ id: petition }).first('ward_id', 'version');
  // (no version: the edit forms carry their own, and a forged one would only be a conflict)
  const forged = { ward_id: String(west), role: 'admin', id: '424242', created_by: String(admin.id), deleted_at: '2020-01-01' };
  const answers = [
    await submit(ward.agent, `/petitions/${petition}`, `/petitions/${petition}/relatives`, { rel_name: '余計 一郎', rel_relation: '長男', rel_degree: '1', ...forged }),
    await submit(ward.agent, `/petitions/${petition}/relatives/${relative}/edit`, `/petitions/${petition}/relatives/${relative}`, forged),
    await submit(ward.agent, `/petitions/${petition}`, `/petitions/${petition}/documents`, forged),
    await submit(ward.agent, `/petitions/${petition}`, `/petitions/${petition}/stages`, forged),
  ];
  expect(answers.map((r) => r.status)).toEqual([303, 303, 303, 303]);
  const after = await t.db('petitions').where({ id: petition }).first('ward_id', 'version');
  expect(after.ward_id).toBe(before.ward_id);
  expect(after.version).toBeLessThan(100);
  expect(await t.db('audit_log').where({ action: 'petition.ward_change', record_id: String(petition) })).toEqual([]);
  // and the petition is still theirs to see
  expect((await ward.agent.get(`/petitions/${petition}`)).status).toBe(200);
});

test("a ward user's post to another ward's petition is refused like a missing one, and changes nothing", async () => {
  const person = await insertPerson(t.db, { name: '西 太郎', name_kana: 'ニシ タロウ', ward_id: west });
  const other = await insertPetition(t.db, { person_id: person, ward: '西区' });
  const pairs = await openForm(ward.agent, `/petitions/${petition}`, `/petitions/${petition}/relatives`, { rel_name: '越境', rel_relation: '長男', rel_degree: '1' });
  const res = await send(ward.agent, `/petitions/${other}/relatives`, pairs);
  expect(res.status).toBe(404);
  expect(await t.db('petition_relatives').where({ petition_id: other })).toEqual([]);
});
