import { submit } from '../../fuzz/browser';
import { useTestApp } from '../../helpers/suite';
import { GATING_MESSAGES } from '../../../src/features/guardians/bank/guardian-gating';
import { enrolDirect, insertCourse, insertGuardian, insertPeriod, insertSession, qualifiedGuardian } from './guardian-factory';

describe('registering in the bank', () => {
  const t = useTestApp();
  const staff = t.user('staff');
  const bankRows = (id: number) => t.db('guardian_periods').where({ guardian_id: id, kind: 'bank' });
  const register = (id: number, on: string) => submit(staff.agent, `/guardians/${id}`, `/guardians/${id}/bank`, { bank_on: on });

  test('a qualified person is registered: status バンク登録, audited', async () => {
    const id = await qualifiedGuardian(t.db);
    const res = await register(id, '令和6年4月1日');
    expect(res.status).toBe(303);
    expect(await bankRows(id)).toEqual([expect.objectContaining({ started_on: '2024-04-01', ended_on: null, created_by: staff.id, version: 1 })]);
    const page = await staff.agent.get(`/guardians/${id}`);
    expect(page.text).toContain('<strong>バンク登録</strong>');
    expect(await t.db('audit_log').where({ action: 'guardian.bank_register', record_id: String(id) })).toHaveLength(1);
  });

  test.each([
    ['without a completed course', async (id: number) => { await t.db('guardian_course_enrolments').where({ guardian_id: id }).update({ completed_on: null, completion_basis: null }); }, GATING_MESSAGES.notCompleted],
    ['without a 支援員 start', async (id: number) => { await t.db('citizen_guardians').where({ id }).update({ activity_started_on: null }); }, GATING_MESSAGES.noActivity],
    ['with less than a year as 支援員', async (id: number) => { await t.db('citizen_guardians').where({ id }).update({ activity_started_on: '2023-04-02' }); },
      GATING_MESSAGES.activityShort('2023-04-02', '2024-04-02')],
    ['without a follow-up session', async (id: number) => { await t.db('guardian_followup_attendance').where({ guardian_id: id }).del(); }, GATING_MESSAGES.noFollowup],
  ])('refused %s: 400, that one condition listed next to the date, nothing stored', async (_name, spoil, message) => {
    const id = await qualifiedGuardian(t.db);
    await spoil(id);
    const res = await register(id, '2024-04-01');
    expect(res.status).toBe(400);
    const field = res.text.match(/<div class="error-text" id="bank_on-error">([\s\S]*?)<\/div>/)![1];
    expect(field).toContain(GATING_MESSAGES.summary);
    const listed = [...field.matchAll(/<li>([^<]*)<\/li>/g)].map((m) => m[1]);
    expect(listed).toEqual([message]);
    expect(res.text).toMatch(/<input id="bank_on" name="bank_on" value="2024-04-01"[^>]*aria-invalid="true"/);
    expect(await bankRows(id)).toEqual([]);
    expect(await t.db('audit_log').where({ action: 'guardian.bank_register', record_id: String(id) })).toHaveLength(0);
  });

  test('a future date, or a second registration while registered, is refused', async () => {
    const id = await qualifiedGuardian(t.db);
    expect((await register(id, '2026-11-28')).status).toBe(400);
    await insertPeriod(t.db, id, 'bank', '2024-04-01');
    const page = await staff.agent.get(`/guardians/${id}`);
    expect(page.text).not.toContain(`action="/guardians/${id}/bank"`);
    const token = page.text.match(/name="_csrf" value="([^"]+)"/)![1];
    const again = await staff.agent.post(`/guardians/${id}/bank`).type('form').send({ bank_on: '2024-05-01', _csrf: token });
    expect(again.status).toBe(400);
    expect(await bankRows(id)).toHaveLength(1);
  });

  test('withdrawal closes the period and keeps it; a later registration is a new period', async () => {
    const id = await qualifiedGuardian(t.db);
    expect((await register(id, '2024-04-01')).status).toBe(303);
    const w = await submit(staff.agent, `/guardians/${id}`, `/guardians/${id}/bank/withdraw`, { withdraw_on: '2025-03-31', withdraw_reason: '本人の申出' });
    expect(w.status).toBe(303);
    expect((await staff.agent.get(`/guardians/${id}`)).text).toContain('<strong>登録抹消</strong>');
    expect(await bankRows(id)).toEqual([expect.objectContaining({ started_on: '2024-04-01', ended_on: '2025-03-31', end_reason: '本人の申出', version: 2 })]);
    expect((await register(id, '2025-03-31')).status).toBe(400);
    expect((await register(id, '2025-06-01')).status).toBe(303);
    expect((await bankRows(id)).map((p) => [p.started_on, p.ended_on])).toEqual([['2024-04-01', '2025-03-31'], ['2025-06-01', null]]);
  });

  test('法人後見協力員: only for a current registrant, on or after the registration; withdrawal waits for its end', async () => {
    const id = await qualifiedGuardian(t.db);
    const token = (await staff.agent.get(`/guardians/${id}`)).text.match(/name="_csrf" value="([^"]+)"/)![1];
    const early = await staff.agent.post(`/guardians/${id}/cooperator`).type('form').send({ coop_on: '2024-06-01', _csrf: token });
    expect(early.status).toBe(400);
    expect(early.text).toContain('法人後見協力員はバンク登録中の人だけが記録できます');
    await insertPeriod(t.db, id, 'bank', '2024-04-01');
    expect((await submit(staff.agent, `/guardians/${id}`, `/guardians/${id}/cooperator`, { coop_on: '2024-03-31' })).status).toBe(400);
    expect((await submit(staff.agent, `/guardians/${id}`, `/guardians/${id}/cooperator`, { coop_on: '2024-06-01' })).status).toBe(303);
    expect((await staff.agent.get(`/guardians/${id}`)).text).toContain('<strong>協力員</strong>');
    const withdraw = await staff.agent.post(`/guardians/${id}/bank/withdraw`).type('form')
      .send({ withdraw_on: '2025-01-01', withdraw_reason: '転居', version: '1', _csrf: token });
    expect(withdraw.status).toBe(400);
    expect(withdraw.text).toContain('先に協力員の終了を記録してから抹消してください');
    expect((await submit(staff.agent, `/guardians/${id}`, `/guardians/${id}/cooperator/end`, { coop_end_on: '2025-01-01' })).status).toBe(303);
    const before = await submit(staff.agent, `/guardians/${id}`, `/guardians/${id}/bank/withdraw`, { withdraw_on: '2024-12-31', withdraw_reason: '転居' });
    expect(before.status).toBe(400);
    expect(before.text).toContain('抹消日は法人後見協力員の終了日（令和7年1月1日）以降の日付を入力してください');
    expect((await submit(staff.agent, `/guardians/${id}`, `/guardians/${id}/bank/withdraw`, { withdraw_on: '2025-01-01', withdraw_reason: '転居' })).status).toBe(303);
    expect((await t.db('guardian_periods').where({ guardian_id: id }).orderBy('id')).map((p) => [p.kind, p.ended_on])).toEqual([['bank', '2025-01-01'], ['cooperator', '2025-01-01']]);
  });

  test('a stale withdrawal (the period changed since the page was read) gets the conflict page and changes nothing', async () => {
    const id = await qualifiedGuardian(t.db);
    const period = await insertPeriod(t.db, id, 'bank', '2024-04-01');
    const token = (await staff.agent.get(`/guardians/${id}`)).text.match(/name="_csrf" value="([^"]+)"/)![1];
    await t.db('guardian_periods').where({ id: period }).update({ version: 2 });
    const res = await staff.agent.post(`/guardians/${id}/bank/withdraw`).type('form').send({ withdraw_on: '2025-01-01', withdraw_reason: '転居', version: '1', _csrf: token });
    expect(res.status).toBe(409);
    expect(res.text).toContain('他の人が先に更新しました');
    expect((await t.db('guardian_periods').where({ id: period }).first()).ended_on).toBeNull();
  });

  test('the follow-up must be on or before the registration date', async () => {
    const id = await insertGuardian(t.db, { activity: '2022-04-01' });
    const course = await insertCourse(t.db, 2021, 0);
    await enrolDirect(t.db, course.id, id, '2022-02-01');
    await insertSession(t.db, '2024-06-01', '後の研修', [id]);
    const res = await register(id, '2024-05-31');
    expect(res.status).toBe(400);
    expect(res.text).toContain(GATING_MESSAGES.noFollowup);
    expect((await register(id, '2024-06-01')).status).toBe(303);
  });
});
