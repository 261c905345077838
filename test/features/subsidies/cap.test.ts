import { useTestApp } from '../../helpers/suite';
import { csrfFrom } from '../../helpers/agent';
import { capsOn } from '../../../src/features/subsidies/subsidies-cap';
import { subsidyPerson, validBody } from './subsidy-factory';

const t = useTestApp(); // 2026-11-27
const staff = t.user('staff');
const admin = t.user('admin');

describe('when the caps change, the cap in force on the period\'s first day is used', () => {
  beforeAll(async () => {
    const form = await admin.agent.get('/admin/masters/subsidy-caps');
    for (const [setting, monthly_yen] of [['在宅', '30000'], ['施設', '20000']]) {
      const res = await admin.agent.post('/admin/masters/subsidy-caps').type('form')
        .send({ _csrf: csrfFrom(form.text), setting, monthly_yen, valid_from: '2026-04-01' });
      expect(res.status).toBe(303);
    }
  });

  test('capsOn reads the master with its validity dates', async () => {
    expect(await capsOn(t.db, '2026-03-31')).toEqual({ home: 28000, facility: 18000 });
    expect(await capsOn(t.db, '2026-04-01')).toEqual({ home: 30000, facility: 20000 });
  });

  test.each([
    ['2026-03-01', '2026-07-31', 28000, 18000, 120000],
    ['2026-04-01', '2026-08-31', 30000, 20000, 130000],
  ])('a period from %s (to %s) takes %i / %i: the cap is %i', async (from, to, home, facility, limit) => {
    const person = await subsidyPerson(t.db);
    const token = csrfFrom((await staff.agent.get('/subsidies/new')).text);
    const body = { ...(await validBody(t.db, { period_from: from, period_to: to, fee_awarded_yen: '500000' })), person_id: String(person), _csrf: token };
    const res = await staff.agent.post('/subsidies').type('form').send(body);
    expect(res.status).toBe(303);
    const id = Number(res.headers.location.split('/').pop());
    expect(await t.db('subsidies').where({ id }).first('home_cap_yen', 'facility_cap_yen', 'granted_yen'))
      .toEqual({ home_cap_yen: home, facility_cap_yen: facility, granted_yen: limit });
    const page = await staff.agent.get(`/subsidies/${id}`);
    expect(page.text).toContain(`在宅 3か月 × ${home.toLocaleString('ja-JP')}円 + 施設 2か月 × ${facility.toLocaleString('ja-JP')}円 = ${limit.toLocaleString('ja-JP')}円`);
  });
});
