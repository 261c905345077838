import { useTestApp } from '../../helpers/suite';
import { csrfFrom } from '../../helpers/agent';
import { SUBSIDY_MESSAGES as M } from '../../../src/features/subsidies/subsidies-form';
import { insertSubsidy, subsidyPerson, validBody } from './subsidy-factory';
import { insertPetition } from '../petitions/petition-factory';
import { codeId } from '../../helpers/factories';

const t = useTestApp(); // 2026-11-27
const staff = t.user('staff');

const count = async () => Number((await t.db('subsidies').count({ n: '*' }))[0].n);

async function post(body: Record<string, string>) {
  const token = csrfFrom((await staff.agent.get('/subsidies/new')).text);
  return staff.agent.post('/subsidies').type('form').send({ ...body, _csrf: token });
}

describe('taking in an application', () => {
  test('the granted amount defaults to the cap, computed with its working; audited; shown on the page', async () => {
    const person = await subsidyPerson(t.db);
    const res = await post({ ...(await validBody(t.db)), person_id: String(person) });
    expect(res.status).toBe(303);
    const id = Number(res.headers.location.split('/').pop());
    expect(await t.db('subsidies').where({ id }).first()).toMatchObject({
      person_id: person, status: '受付', decision: null, fee_awarded_yen: 150000, home_months: 3, facility_months: 2,
      home_cap_yen: 28000, facility_cap_yen: 18000, granted_yen: 120000, version: 1, created_by: staff.id,
    });
    expect(await t.db('audit_log').where({ action: 'subsidy.create', record_id: String(id) })).toHaveLength(1);
    const page = await staff.agent.get(`/subsidies/${id}`);
    expect(page.text).toContain('在宅 3か月 × 28,000円 + 施設 2か月 × 18,000円 = 120,000円');
    expect(page.text).toContain('報酬付与額 150,000円 → 上限 120,000円');
    expect(await t.db('audit_log').where({ action: 'subsidy.view', record_id: String(id) })).toHaveLength(1);
  });

  test('上限額を計算 shows the working without storing anything, even before the person is chosen', async () => {
    const person = await subsidyPerson(t.db);
    const before = await count();
    const res = await post({ ...(await validBody(t.db, { fee_awarded_yen: '100000' })), person_id: String(person), intent: 'calculate' });
    expect(res.status).toBe(200);
    expect(res.text).toContain('報酬付与額 100,000円 → 上限 100,000円');
    const noPerson = await post({ ...(await validBody(t.db)), intent: 'calculate' });
    expect(noPerson.status).toBe(200);
    expect(noPerson.text).toContain('在宅 3か月 × 28,000円 + 施設 2か月 × 18,000円 = 120,000円');
    expect(await count()).toBe(before);
  });

  test('the amount may be lowered, never raised above the cap (400 with the cap next to the field)', async () => {
    const person = await subsidyPerson(t.db);
    const lowered = await post({ ...(await validBody(t.db, { granted_yen: '100,000' })), person_id: String(person) });
    expect(lowered.status).toBe(303);
    expect((await t.db('subsidies').where({ id: Number(lowered.headers.location.split('/').pop()) }).first()).granted_yen).toBe(100000);
    const before = await count();
    const raised = await post({ ...(await validBody(t.db, { granted_yen: '120001', period_from: '2024-11-01', period_to: '2025-10-31' })), person_id: String(person) });
    expect(raised.status).toBe(400);
    expect(raised.text).toContain(M.grantedOverCap('120,000円'));
    expect(raised.text).toMatch(/id="granted_yen-error"/);
    expect(await count()).toBe(before);
  });

  test.each(['配偶者', '親', '子', '兄弟姉妹', 'その他親族'])('a relative guardian (%s) is refused with the reason next to the field', async (relation) => {
    const person = await subsidyPerson(t.db);
    const before = await count();
    const res = await post({ ...(await validBody(t.db, { guardian_relation_id: String(await codeId(t.db, 'guardian_relation', relation)) })), person_id: String(person) });
    expect(res.status).toBe(400);
    expect(res.text).toContain(`<p class="error-text" id="guardian_relation_id-error">${M.relative(relation)}</p>`);
    expect(await count()).toBe(before);
  });

  test('bad input: Japanese messages next to the fields, 400, nothing stored', async () => {
    const person = await subsidyPerson(t.db);
    const before = await count();
    const cases: [Record<string, string>, string, string][] = [
      [{ period_to: '2025-10-31' }, 'period_to', M.periodOrder],
      [{ home_months: '0', facility_months: '' }, 'home_months', M.noMonths],
      [{ home_months: '10', facility_months: '3' }, 'home_months', M.tooManyMonths(12)],
      [{ court_decided_on: '2026-12-01' }, 'court_decided_on', M.future],
      [{ fee_awarded_yen: '' }, 'fee_awarded_yen', '報酬付与額を入力してください'],
      [{ fee_awarded_yen: '15万' }, 'fee_awarded_yen', M.fee_awarded_yen],
      [{ funding_line: '児童' }, 'funding_line', M.funding_line],
      [{ case_number: '1234' }, 'case_number', M.case_number],
      [{ period_from: '1999-04-01', period_to: '1999-09-30' }, 'period_from', M.noCaps],
    ];
    for (const [changes, field, message] of cases) {
      const res = await post({ ...(await validBody(t.db, changes)), person_id: String(person) });
      expect([field, res.status]).toEqual([field, 400]);
      expect([field, res.text.includes(`id="${field}-error">${message}</p>`)]).toEqual([field, true]);
    }
    const noPerson = await post(await validBody(t.db));
    expect(noPerson.status).toBe(400);
    expect(noPerson.text).toContain(`id="person_id-error">${M.person}</p>`);
    const both = await post(await validBody(t.db, { fee_awarded_yen: '' }));
    expect(both.text).toContain(`id="person_id-error">${M.person}</p>`);
    expect(both.text).toContain('id="fee_awarded_yen-error">報酬付与額を入力してください</p>');
    expect(await count()).toBe(before);
  });

  test('a linked petition must be the person\'s own, and then the petition type is 市長', async () => {
    const person = await subsidyPerson(t.db);
    const other = await subsidyPerson(t.db);
    const own = await insertPetition(t.db, { person_id: person, ward: '東区' });
    const foreign = await insertPetition(t.db, { person_id: other, ward: '東区' });
    const form = await staff.agent.get(`/subsidies/new?person_id=${person}`);
    expect(form.text).toContain(`<option value="${own}">市長申立て 番号 ${own}`);
    expect(form.text).not.toContain(`<option value="${foreign}">`);
    const wrong = await post({ ...(await validBody(t.db, { petition_id: String(foreign), petition_type: '市長' })), person_id: String(person) });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain(M.petition_id);
    const notMayor = await post({ ...(await validBody(t.db, { petition_id: String(own) })), person_id: String(person) });
    expect(notMayor.text).toContain(M.petitionTypeMayor);
    const ok = await post({ ...(await validBody(t.db, { petition_id: String(own), petition_type: '市長' })), person_id: String(person) });
    expect(ok.status).toBe(303);
  });
});

describe('overlapping periods of the same person', () => {
  test('are flagged before saving, listing the other application; saved only with the confirmation', async () => {
    const person = await subsidyPerson(t.db);
    const existing = await insertSubsidy(t.db, { person_id: person, period_from: '2025-04-01', period_to: '2025-12-31' });
    const before = await count();
    const flagged = await post({ ...(await validBody(t.db)), person_id: String(person) });
    expect(flagged.status).toBe(400);
    expect(flagged.text).toContain(M.confirm_overlap);
    expect(flagged.text).toContain(`<a href="/subsidies/${existing}">番号 ${existing}</a>`);
    expect(await count()).toBe(before);
    const confirmed = await post({ ...(await validBody(t.db)), person_id: String(person), confirm_overlap: '1' });
    expect(confirmed.status).toBe(303);
    const id = confirmed.headers.location.split('/').pop();
    expect(await t.db('audit_log').where({ action: 'subsidy.overlap_confirmed', record_id: id })).toHaveLength(1);
  });

  test('rejected, deleted, other persons\' and touching-but-not-overlapping applications are not flagged', async () => {
    const person = await subsidyPerson(t.db);
    await insertSubsidy(t.db, { person_id: person, period_from: '2025-11-01', period_to: '2026-10-31', status: '決定', decision: '却下', granted: null });
    await insertSubsidy(t.db, { person_id: person, period_from: '2025-11-01', period_to: '2026-10-31', deleted: true });
    await insertSubsidy(t.db, { person_id: person, period_from: '2024-11-01', period_to: '2025-10-31' });
    await insertSubsidy(t.db, { person_id: await subsidyPerson(t.db), period_from: '2025-11-01', period_to: '2026-10-31' });
    const res = await post({ ...(await validBody(t.db)), person_id: String(person) });
    expect(res.status).toBe(303);
  });
});

describe('editing', () => {
  test('saves with a new version; a stale version gets the conflict page; decided applications are locked', async () => {
    const person = await subsidyPerson(t.db);
    const id = await insertSubsidy(t.db, { person_id: person });
    const form = await staff.agent.get(`/subsidies/${id}/edit`);
    expect(form.status).toBe(200);
    const token = csrfFrom(form.text);
    const body = { ...(await validBody(t.db, { period_from: '2025-10-01', period_to: '2026-09-30', fee_awarded_yen: '200000' })), version: '1', _csrf: token };
    const saved = await staff.agent.post(`/subsidies/${id}`).type('form').send(body);
    expect(saved.status).toBe(303);
    expect(await t.db('subsidies').where({ id }).first()).toMatchObject({ version: 2, fee_awarded_yen: 200000, granted_yen: 120000, updated_by: staff.id });
    const stale = await staff.agent.post(`/subsidies/${id}`).type('form').send({ ...body, guardian_name: '別人 次郎' });
    expect(stale.status).toBe(409);
    expect(stale.text).toContain('別人 次郎');
    expect((await t.db('subsidies').where({ id }).first()).guardian_name).toBe('後見 一郎');
    await t.db('subsidies').where({ id }).update({ status: '決定', decision: '承認', decided_on: '2026-11-20' });
    expect((await staff.agent.get(`/subsidies/${id}/edit`)).status).toBe(303);
    const locked = await staff.agent.post(`/subsidies/${id}`).type('form').send({ ...body, version: '2' });
    expect(locked.status).toBe(303);
    expect((await t.db('subsidies').where({ id }).first()).version).toBe(2);
  });
});
