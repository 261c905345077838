/**
 * Double submits: every create form carries a one-time token (`_form`); the same form posted twice
 * at once (a double click) creates one record and both answers lead to it.
 */
import { useTestApp } from '../helpers/suite';
import { Agent } from '../helpers/agent';
import { openForm, send as post, tokenOf } from './browser';
import { ALREADY_SENT } from '../../src/http/one-time-form';
import { formsIn, Pair } from './forms';
import { insertPetition } from '../features/petitions/petition-factory';
import { insertPerson, wardId } from '../helpers/factories';

const t = useTestApp();
const staff = t.user('staff');
const admin = t.user('admin');

const count = async (table: string, where: Record<string, unknown> = {}) => Number((await t.db(table).where(where).count({ n: '*' }))[0].n);

let personId: number;
let petitionId: number;
let meetingId: number;
let kindId: number;
let relationId: string;
beforeAll(async () => {
  relationId = String((await t.db('code_entries').where({ list: 'guardian_relation', label: '司法書士' }).first('id')).id);
  personId = await insertPerson(t.db, { name: '二重 送信', name_kana: 'ニジュウ ソウシン', ward_id: await wardId(t.db, '東区') });
  petitionId = await insertPetition(t.db, { person_id: personId, ward: '東区', stages: [{ stage: 1, on: '2026-11-01' }] });
  meetingId = (await t.db('meetings').insert({ held_on: '2026-11-02' }).returning('id'))[0].id;
  kindId = (await t.db('code_entries').where({ list: 'guardian_kind' }).first('id')).id;
});

interface Case { name: string; actor: () => Agent; page: () => string; action: () => string; changes: () => Record<string, string>; table: string; location: RegExp }

const CASES: Case[] = [
  { name: 'person', actor: () => staff.agent, page: () => '/persons/new', action: () => '/persons',
    changes: () => ({ name: '二重 太郎', name_kana: 'ニジュウ タロウ' }), table: 'persons', location: /^\/persons\/\d+$/ },
  { name: 'consultation', actor: () => staff.agent, page: () => '/consultations/new', action: () => '/consultations',
    changes: () => ({ category_id: '1', content: '二重送信の確認' }), table: 'consultations', location: /^\/consultations\/\d+$/ },
  { name: 'petition', actor: () => staff.agent, page: () => `/petitions/new?person_id=${personId}`, action: () => '/petitions',
    changes: () => ({}), table: 'petitions', location: /^\/petitions\/\d+$/ },
  { name: 'relative', actor: () => staff.agent, page: () => `/petitions/${petitionId}`, action: () => `/petitions/${petitionId}/relatives`,
    changes: () => ({ rel_name: '二重 一郎', rel_relation: '長男', rel_degree: '1' }), table: 'petition_relatives', location: /^\/petitions\/\d+#relatives$/ },
  { name: 'stage record', actor: () => staff.agent, page: () => `/petitions/${petitionId}`, action: () => `/petitions/${petitionId}/stages`,
    changes: () => ({}), table: 'petition_stages', location: /^\/petitions\/\d+$/ },
  { name: 'meeting', actor: () => staff.agent, page: () => '/meetings/new', action: () => '/meetings',
    changes: () => ({ held_on: '2026-11-20', place: '二重送信の会議室' }), table: 'meetings', location: /^\/meetings\/\d+$/ },
  { name: 'meeting case', actor: () => staff.agent, page: () => `/meetings/${meetingId}/cases/new`, action: () => `/meetings/${meetingId}/cases`,
    changes: () => ({ person_id: String(personId), recommended_type_id: String(kindId) }), table: 'meeting_cases', location: /^\/meetings\/\d+\/cases\/\d+$/ },
  { name: 'subsidy', actor: () => staff.agent, page: () => `/subsidies/new?person_id=${personId}`, action: () => '/subsidies',
    changes: () => ({ guardian_name: '二重 後見', guardian_relation_id: relationId, petition_type: '本人', eligibility: '生活保護', funding_line: '障がい',
      court_decided_on: '2026-10-01', period_from: '2025-10-01', period_to: '2026-09-30', fee_awarded_yen: '100000', home_months: '12' }),
    table: 'subsidies', location: /^\/subsidies\/\d+$/ },
  { name: 'roster record', actor: () => staff.agent, page: () => '/guardians/new', action: () => '/guardians',
    changes: () => ({ name: '二重 市民', name_kana: 'ニジュウ シミン', birth_date: '1960-01-01' }), table: 'citizen_guardians', location: /^\/guardians\/\d+$/ },
  { name: 'follow-up session', actor: () => staff.agent, page: () => '/guardians/followups/new', action: () => '/guardians/followups',
    changes: () => ({ title: '二重送信の研修' }), table: 'guardian_followup_sessions', location: /^\/guardians\/followups\/\d+$/ },
  { name: 'user', actor: () => admin.agent, page: () => '/admin/users/new', action: () => '/admin/users',
    changes: () => ({ username: 'double.click', display_name: '二重 利用者', role: 'staff', ward_id: '' }), table: 'users', location: /^\/admin\/users\/\d+$/ },
  { name: 'master entry', actor: () => admin.agent, page: () => '/admin/masters/referral-centers', action: () => '/admin/masters/referral-centers',
    changes: () => ({ name: 'ささえりあ二重', kind: 'ささえりあ' }), table: 'referral_centers', location: /^\/admin\/masters\/referral-centers$/ },
];

describe.each(CASES)('the $name form', (c) => {
  test('posted twice at once creates one record, and both answers go where the first went', async () => {
    const pairs = await openForm(c.actor(), c.page(), c.action(), c.changes());
    expect(tokenOf(pairs)).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const before = await count(c.table);
    const [one, two] = await Promise.all([post(c.actor(), c.action(), pairs), post(c.actor(), c.action(), pairs)]);
    expect([one.status, two.status]).toEqual([303, 303]);
    expect(one.headers.location).toMatch(c.location);
    expect(two.headers.location).toBe(one.headers.location);
    expect(await count(c.table)).toBe(before + 1);
    const page = await c.actor().get(one.headers.location.replace(/#.*$/, ''));
    expect(page.text).toContain(ALREADY_SENT);
  });
});

test('every create form carries a token of its own; edit forms carry none', async () => {
  const a = tokenOf(await openForm(staff.agent, '/persons/new', '/persons'));
  const b = tokenOf(await openForm(staff.agent, '/persons/new', '/persons'));
  expect(a).toBeTruthy();
  expect(a).not.toBe(b);
  const stage = tokenOf(await openForm(staff.agent, `/petitions/${petitionId}`, `/petitions/${petitionId}/stages`));
  expect(stage).toBeTruthy();
  const caps = tokenOf(await openForm(admin.agent, '/admin/masters/subsidy-caps', '/admin/masters/subsidy-caps'));
  expect(caps).toBeTruthy();
  expect(tokenOf(await openForm(staff.agent, `/persons/${personId}/edit`, `/persons/${personId}`))).toBeUndefined();
});

test('the same token sent again later (back, then send) creates nothing and leads to the first record', async () => {
  const pairs = await openForm(staff.agent, '/persons/new', '/persons', { name: '戻る 太郎', name_kana: 'モドル タロウ' });
  const first = await post(staff.agent, '/persons', pairs);
  const before = await count('persons');
  const again = await post(staff.agent, '/persons', pairs);
  expect([first.status, again.status]).toEqual([303, 303]);
  expect(again.headers.location).toBe(first.headers.location);
  expect(await count('persons')).toBe(before);
  expect(await count('audit_log', { action: 'person.create', record_id: first.headers.location.split('/').pop() })).toBe(1);
});

test('a refused post releases its token: the corrected form, with the new token it renders, is accepted', async () => {
  const pairs = await openForm(staff.agent, '/persons/new', '/persons', { name: '', name_kana: 'ナオス タロウ' });
  const refused = await post(staff.agent, '/persons', pairs);
  expect(refused.status).toBe(400);
  const again = formsIn(refused.text).find((f) => f.action === '/persons')!;
  expect(tokenOf(again.pairs)).toBeTruthy();
  expect(tokenOf(again.pairs)).not.toBe(tokenOf(pairs));
  expect(await count('form_submissions', { token: tokenOf(pairs) })).toBe(0);
  const corrected = again.pairs.map(([k, v]): Pair => [k, k === 'name' ? '直す 太郎' : v]);
  const before = await count('persons');
  const res = await post(staff.agent, '/persons', corrected);
  expect(res.status).toBe(303);
  expect(await count('persons')).toBe(before + 1);
  // the released token itself may be sent again too (the user pressed back and resent)
  expect((await post(staff.agent, '/persons', pairs.map(([k, v]): Pair => [k, k === 'name' ? '戻す 太郎' : v]))).status).toBe(303);
});

test('the one-time password of a user created by a double click is still shown once', async () => {
  const pairs = await openForm(admin.agent, '/admin/users/new', '/admin/users', { username: 'double.password', display_name: '二重 パス', role: 'staff', ward_id: '' });
  const [one] = await Promise.all([post(admin.agent, '/admin/users', pairs), post(admin.agent, '/admin/users', pairs)]);
  const page = await admin.agent.get(one.headers.location);
  expect(page.text).toMatch(/class="one-time-password"><strong>[^<]{8,}<\/strong>/);
});

test("another user's token is refused and creates nothing", async () => {
  const { agent } = await t.login('staff');
  const pairs = await openForm(staff.agent, '/persons/new', '/persons', { name: '他人 太郎', name_kana: 'タニン タロウ' });
  expect((await post(staff.agent, '/persons', pairs)).status).toBe(303);
  const before = await count('persons');
  const token = (await agent.get('/persons/new')).text.match(/name="_csrf" value="([^"]+)"/)![1];
  const res = await post(agent, '/persons', pairs.map(([k, v]): Pair => [k, k === '_csrf' ? token : v]));
  expect(res.status).toBe(400);
  expect(await count('persons')).toBe(before);
});

test('a claim left unanswered by a request that died is taken over after a minute', async () => {
  const pairs = await openForm(staff.agent, '/persons/new', '/persons', { name: '再開 太郎', name_kana: 'サイカイ タロウ' });
  await t.db('form_submissions').insert({ token: tokenOf(pairs), user_id: staff.id, created_at: new Date(t.clock.now().getTime() - 120_000) });
  const before = await count('persons');
  const res = await post(staff.agent, '/persons', pairs);
  expect(res.status).toBe(303);
  expect(await count('persons')).toBe(before + 1);
  expect((await t.db('form_submissions').where({ token: tokenOf(pairs) }).first()).result_location).toBe(res.headers.location);
});

test('a repeat whose first is still running after 5 seconds is told so (409) and creates nothing', async () => {
  const pairs = await openForm(staff.agent, '/persons/new', '/persons', { name: '待機 太郎', name_kana: 'タイキ タロウ' });
  await t.db('form_submissions').insert({ token: tokenOf(pairs), user_id: staff.id, created_at: t.clock.now() });
  const before = await count('persons');
  const started = Date.now();
  const res = await post(staff.agent, '/persons', pairs);
  expect(res.status).toBe(409);
  expect(Date.now() - started).toBeGreaterThanOrEqual(4900);
  expect(res.text).toContain('<h1>');
  expect(await count('persons')).toBe(before);
});
