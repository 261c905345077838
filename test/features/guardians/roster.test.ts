import { openForm, send, submit } from '../../fuzz/browser';
import { useTestApp } from '../../helpers/suite';
import { GUARDIAN_MESSAGES } from '../../../src/features/guardians/roster/guardians-schema';
import { enrolDirect, insertAppointment, insertCourse, insertGuardian, insertPeriod, qualifiedGuardian } from './guardian-factory';
import { insertPerson } from '../../helpers/factories';

const t = useTestApp();
const staff = t.user('staff');
const manager = t.user('manager');

const FORM = { name: '名簿 花子', name_kana: 'めいぼ はなこ', birth_date: 'S35.4.1', address: '熊本市中央区手取本町1-1', phone: '096-328-2111', email: 'hanako@example.jp' };

test('a trainee registered with a course: kana normalized, enrolled, status 受講中, audited; the same kana and birth date refused', async () => {
  const course = await insertCourse(t.db, 2026);
  const res = await submit(staff.agent, '/guardians/new', '/guardians', { ...FORM, course_id: String(course.id) });
  expect(res.status).toBe(303);
  const id = Number(res.headers.location.split('/').pop());
  expect(await t.db('citizen_guardians').where({ id }).first()).toMatchObject({
    name: '名簿 花子', name_kana: 'メイボ　ハナコ', kana_key: 'メイボハナコ', birth_date: '1960-04-01', created_by: staff.id, version: 1,
  });
  expect(await t.db('guardian_course_enrolments').where({ guardian_id: id }).pluck('course_id')).toEqual([course.id]);
  expect((await staff.agent.get(`/guardians/${id}`)).text).toContain('<strong>受講中</strong>');
  expect(await t.db('audit_log').where({ action: 'guardian.create', record_id: String(id) })).toHaveLength(1);
  const again = await submit(staff.agent, '/guardians/new', '/guardians', { ...FORM, name: '別の 花子', name_kana: 'メイボ ハナコ', birth_date: '1960-04-01' });
  expect(again.status).toBe(400);
  expect(again.text).toContain(GUARDIAN_MESSAGES.duplicate);
});

test('bad input: Japanese messages next to the fields, 400, nothing stored', async () => {
  const before = Number((await t.db('citizen_guardians').count({ n: '*' }))[0].n);
  const res = await submit(staff.agent, '/guardians/new', '/guardians', { name: '', name_kana: 'Hanako', birth_date: '2030-01-01', email: 'no-at', activity_started_on: '令和99年1月1日' });
  expect(res.status).toBe(400);
  for (const [field, message] of [['name', '氏名を入力してください'], ['name_kana', GUARDIAN_MESSAGES.nameKanaChars], ['birth_date', GUARDIAN_MESSAGES.future],
    ['email', GUARDIAN_MESSAGES.email], ['activity_started_on', GUARDIAN_MESSAGES.activity]]) {
    expect(res.text).toContain(`<p class="error-text" id="${field}-error">${message}</p>`);
  }
  expect(Number((await t.db('citizen_guardians').count({ n: '*' }))[0].n)).toBe(before);
});

test('the list filters by the derived status and kana, and is audited', async () => {
  const enrolled = await insertGuardian(t.db, { name: '絞込 受講', kana: 'シボリコミ ジュコウ' });
  await enrolDirect(t.db, (await insertCourse(t.db, 2017, 0)).id, enrolled);
  const registered = await qualifiedGuardian(t.db, { name: '絞込 登録', kana: 'シボリコミ トウロク' });
  await insertPeriod(t.db, registered, 'bank', '2024-04-01');
  const withdrawn = await qualifiedGuardian(t.db, { name: '絞込 抹消', kana: 'シボリコミ マッショウ' });
  await insertPeriod(t.db, withdrawn, 'bank', '2024-04-01', '2025-01-01');
  const names = async (q: string) => [...(await manager.agent.get(`/guardians?${q}`)).text.matchAll(/<a href="\/guardians\/\d+">([^<]+)<\/a>/g)].map((m) => m[1]);
  expect(await names('kana=しぼりこみ')).toEqual(['絞込 受講', '絞込 登録', '絞込 抹消']);
  expect(await names('kana=シボリコミ&status=enrolled')).toEqual(['絞込 受講']);
  expect(await names('kana=シボリコミ&status=registered')).toEqual(['絞込 登録']);
  expect(await names('kana=シボリコミ&status=withdrawn')).toEqual(['絞込 抹消']);
  expect(await names('kana=シボリコミ&status=active')).toEqual([]);
  expect(await t.db('audit_log').where({ action: 'guardian.list' })).not.toHaveLength(0);
});

test('editing: saved with a new version; a stale edit gets the conflict page and changes nothing', async () => {
  const id = await insertGuardian(t.db, { name: '編集 太郎', kana: 'ヘンシュウ タロウ' });
  const pairs = await openForm(staff.agent, `/guardians/${id}/edit`, `/guardians/${id}`, { phone: '096-111-2222', activity_started_on: '2024-04-01' });
  expect((await send(staff.agent, `/guardians/${id}`, pairs)).status).toBe(303);
  expect(await t.db('citizen_guardians').where({ id }).first()).toMatchObject({ phone: '096-111-2222', activity_started_on: '2024-04-01', version: 2, updated_by: staff.id });
  expect((await staff.agent.get(`/guardians/${id}`)).text).toContain('<strong>支援員活動中</strong>');
  const stale = await send(staff.agent, `/guardians/${id}`, pairs.map(([k, v]): [string, string] => [k, k === 'phone' ? '096-999-9999' : v]));
  expect(stale.status).toBe(409);
  expect(stale.text).toContain('096-111-2222');
  expect((await t.db('citizen_guardians').where({ id }).first()).phone).toBe('096-111-2222');
});

describe('appointments (受任)', () => {
  test('recorded for a bank registrant with a person picked by kana; shown on the guardian and in the person\'s timeline', async () => {
    const g = await qualifiedGuardian(t.db, { name: '受任 一子', kana: 'ジュニン イチコ' });
    await insertPeriod(t.db, g, 'bank', '2024-04-01');
    const person = await insertPerson(t.db, { name: '対象 本人', name_kana: 'タイショウ ホンニン', birth_date: '1940-01-01' });
    const page = `/guardians/${g}/appointments/new`;
    const search = await submit(staff.agent, page, `/guardians/${g}/appointments`, { person_kana: 'たいしょう', intent: 'search' });
    expect(search.status).toBe(200);
    expect(search.text).toMatch(/name="person_id" id="person_id" value="\d+"[^>]*> 対象 本人（タイショウ ホンニン）/);
    const type = (await t.db('code_entries').where({ list: 'guardianship_type', label: '保佐' }).first('id')).id;
    const res = await submit(staff.agent, page, `/guardians/${g}/appointments`, { person_id: String(person), appointed_on: '2025-02-01', guardianship_type_id: String(type) });
    expect(res.status).toBe(303);
    expect(await t.db('guardian_appointments').where({ guardian_id: g }).first()).toMatchObject({ person_id: person, appointed_on: '2025-02-01', guardianship_type_id: type, ended_on: null, created_by: staff.id });
    expect((await staff.agent.get(`/guardians/${g}`)).text).toContain('対象 本人');
    const timeline = await manager.agent.get(`/persons/${person}`);
    expect(timeline.text).toContain('市民後見人の受任');
    expect(timeline.text).toContain(`<a href="/guardians/${g}">受任 一子（保佐）：受任中</a>`);
  });

  test('refused when not registered in the bank on the appointment date, or ending before it starts; nothing stored', async () => {
    const g = await qualifiedGuardian(t.db);
    await insertPeriod(t.db, g, 'bank', '2024-04-01', '2024-12-31');
    const person = await insertPerson(t.db, { name: '未登録 本人', name_kana: 'ミトウロク ホンニン' });
    const type = (await t.db('code_entries').where({ list: 'guardianship_type', label: '後見' }).first('id')).id;
    const page = `/guardians/${g}/appointments/new?`;
    const late = await submit(staff.agent, page, `/guardians/${g}/appointments`, { person_id: String(person), appointed_on: '2025-01-01', guardianship_type_id: String(type) });
    expect(late.status).toBe(400);
    expect(late.text).toContain('選任日にバンク登録中でない人は受任を記録できません');
    const backwards = await submit(staff.agent, page, `/guardians/${g}/appointments`, { person_id: String(person), appointed_on: '2024-06-01', ended_on: '2024-05-01', guardianship_type_id: String(type) });
    expect(backwards.status).toBe(400);
    expect(backwards.text).toContain('終了日は選任日以降の日付を入力してください');
    expect(await t.db('guardian_appointments').where({ guardian_id: g })).toEqual([]);
  });

  test('the end is recorded on the edit form; a stale edit gets the conflict page', async () => {
    const g = await qualifiedGuardian(t.db);
    await insertPeriod(t.db, g, 'bank', '2024-04-01');
    const person = await insertPerson(t.db, { name: '終了 本人', name_kana: 'シュウリョウ ホンニン' });
    const a = await insertAppointment(t.db, g, person, '2024-06-01');
    const page = `/guardians/${g}/appointments/${a}/edit`;
    const pairs = await openForm(staff.agent, page, `/guardians/${g}/appointments/${a}`, { ended_on: '2025-06-30', end_reason: '本人の死亡' });
    expect((await send(staff.agent, `/guardians/${g}/appointments/${a}`, pairs)).status).toBe(303);
    expect(await t.db('guardian_appointments').where({ id: a }).first()).toMatchObject({ ended_on: '2025-06-30', end_reason: '本人の死亡', version: 2 });
    const stale = await send(staff.agent, `/guardians/${g}/appointments/${a}`, pairs.map(([k, v]): [string, string] => [k, k === 'end_reason' ? '辞任' : v]));
    expect(stale.status).toBe(409);
    expect((await t.db('guardian_appointments').where({ id: a }).first()).end_reason).toBe('本人の死亡');
    expect((await manager.agent.get(`/persons/${person}`)).text).toContain('：終了');
  });
});
