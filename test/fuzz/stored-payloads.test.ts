/**
 * Every stored string is shown escaped: script payloads go in through the real forms into every kind
 * of record (and a user's display name, which every page header shows), then every page that shows
 * them must show them as text — and must show them, so the check is not vacuous.
 */
import { useTestApp } from '../helpers/suite';
import { Agent } from '../helpers/agent';
import { SCRIPT_PAYLOADS } from './bodies';
import { unescapedPayload } from './escaping';
import { openForm, send, submit } from './browser';
import { wardId } from '../helpers/factories';

const t = useTestApp();
const staff = t.user('staff');
const ward = t.user('ward', { ward: '東区' });
const admin = t.user('admin');
const manager = t.user('manager');
const [P1, P2] = SCRIPT_PAYLOADS;

/** How EJS's <%= %> writes a payload. */
const escaped = (p: string) => p.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;');

let person = 0;
let consultation = 0;
let petition = 0;
let subsidy = 0;

const idFrom = (location: string) => Number(/\/(\d+)(#.*)?$/.exec(location)![1]);

beforeAll(async () => {
  const east = String(await wardId(t.db, '東区'));
  const p = await submit(staff.agent, '/persons/new', '/persons', {
    name: P1, name_kana: 'ペイロード タロウ', address: P2, notes: P1, guardian_name: P2, ward_id: east,
  });
  expect(p.status).toBe(303);
  person = idFrom(p.headers.location);
  const c = await submit(staff.agent, `/consultations/new?person_id=${person}`, '/consultations', { category_id: '1', content: P1, response: P2, referral: P1 });
  expect(c.status).toBe(303);
  consultation = idFrom(c.headers.location);
  const n = await submit(staff.agent, `/petitions/new?person_id=${person}`, '/petitions', { referral_source: P2, reason: 'その他', reason_note: P1 });
  expect(n.status).toBe(303);
  petition = idFrom(n.headers.location);
  const e = await submit(staff.agent, `/petitions/${petition}/edit`, `/petitions/${petition}`, { person_wishes: P1, diagnosis: P2, doctor_name: P1, guardian_name: P2 });
  expect(e.status).toBe(303);
  const r = await submit(ward.agent, `/petitions/${petition}`, `/petitions/${petition}/relatives`, { rel_name: P1, rel_relation: P2, rel_degree: '1' });
  expect(r.status).toBe(303);
  const s = await submit(ward.agent, `/petitions/${petition}`, `/petitions/${petition}/stages`, { stage_status: 'not_needed', stage_note: P2 });
  expect(s.status).toBe(303);
  const relation = String((await t.db('code_entries').where({ list: 'guardian_relation', label: '弁護士' }).first('id')).id);
  const sub = await submit(staff.agent, `/subsidies/new?person_id=${person}`, '/subsidies', {
    guardian_name: P1, payee: P2, guardian_relation_id: relation, petition_type: '本人', eligibility: '生活保護', funding_line: '高齢',
    court_decided_on: '2026-10-01', period_from: '2025-10-01', period_to: '2026-09-30', fee_awarded_yen: '200000', home_months: '12',
  });
  expect(sub.status).toBe(303);
  subsidy = idFrom(sub.headers.location);
  const m = await submit(admin.agent, '/admin/masters/referral-centers', '/admin/masters/referral-centers', { name: P1, kind: 'ささえりあ' });
  expect(m.status).toBe(303);
  const cat = await submit(admin.agent, '/admin/masters/categories', '/admin/masters/categories', { name: P2, parent_id: '' });
  expect(cat.status).toBe(303);
  const u = await submit(admin.agent, `/admin/users/${staff.id}`, `/admin/users/${staff.id}`, { display_name: P2 });
  expect(u.status).toBe(303);
});

/** The page must show at least one payload, and only escaped. */
async function expectEscaped(agent: Agent, url: string) {
  const res = await agent.get(url);
  expect([url, res.status]).toEqual([url, 200]);
  expect([url, unescapedPayload(res.text)]).toEqual([url, null]);
  expect([url, res.text.includes(escaped(P1)) || res.text.includes(escaped(P2))]).toEqual([url, true]);
}

test('person pages, lists and the merge page show the stored payloads as text', async () => {
  for (const url of [`/persons/${person}`, `/persons/${person}/edit`, `/persons/${person}/print`, '/persons?kana=ペイロード', `/persons/${person}/merge`]) {
    await expectEscaped(staff.agent, url);
  }
  await expectEscaped(manager.agent, `/persons/${person}`);
});

test('consultation pages, the list and the entry form (master names, staff names) show them as text', async () => {
  for (const url of [`/consultations/${consultation}`, `/consultations/${consultation}/edit`, '/consultations', '/consultations/new']) {
    await expectEscaped(staff.agent, url);
  }
  await expectEscaped(manager.agent, `/consultations/${consultation}`);
});

test('petition pages (record, relatives, stages, history) show them as text to center and ward staff', async () => {
  for (const url of [`/petitions/${petition}`, `/petitions/${petition}/edit`, '/petitions']) await expectEscaped(staff.agent, url);
  for (const url of [`/petitions/${petition}`, '/petitions']) await expectEscaped(ward.agent, url);
  const rel = await t.db('petition_relatives').where({ petition_id: petition }).first('id');
  await expectEscaped(ward.agent, `/petitions/${petition}/relatives/${rel.id}/edit`);
});

test('subsidy pages and the list show them as text to staff and managers', async () => {
  for (const url of [`/subsidies/${subsidy}`, `/subsidies/${subsidy}/edit`, '/subsidies']) await expectEscaped(staff.agent, url);
  for (const url of [`/subsidies/${subsidy}`, '/subsidies']) await expectEscaped(manager.agent, url);
});

test('admin pages and a report whose column is a stored category name show them as text', async () => {
  for (const url of ['/admin/users', `/admin/users/${staff.id}`, '/admin/masters/referral-centers', '/admin/masters/categories']) {
    await expectEscaped(admin.agent, url);
  }
  await expectEscaped(manager.agent, '/reports/consultations-monthly');
  await expectEscaped(staff.agent, '/');
});

test('a re-rendered form (400) and the conflict page (409) show what was typed as text', async () => {
  const bad = await submit(staff.agent, '/persons/new', '/persons', { name: P1, name_kana: P2 });
  expect(bad.status).toBe(400);
  expect(unescapedPayload(bad.text)).toBeNull();
  expect(bad.text).toContain(escaped(P2));
  const stale = await openForm(staff.agent, `/persons/${person}/edit`, `/persons/${person}`, { notes: P2 });
  expect((await submit(staff.agent, `/persons/${person}/edit`, `/persons/${person}`, { notes: 'さきに保存' })).status).toBe(303);
  const conflict = await send(staff.agent, `/persons/${person}`, stale);
  expect(conflict.status).toBe(409);
  expect(unescapedPayload(conflict.text)).toBeNull();
  expect(conflict.text).toContain(escaped(P2));
});
