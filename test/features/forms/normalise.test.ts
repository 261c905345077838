/**
 * Issue 14 item 14: what staff type is normalised — 全角 digits, hyphen look-alikes (ー－‐―−) and
 * spaces in phone numbers and amounts, 円 / ￥ / 人 / 件 / か月 after numbers, and every 年度 field
 * takes 令和7年度, R7年度, 2025年度, 令和元年度 or 2025. Through the routes, as stored.
 */
import { submit } from '../../fuzz/browser';
import { useTestApp } from '../../helpers/suite';
import { typeIds } from '../indicators/helpers';
import { insertMeeting } from '../meetings/meeting-factory';
import { petitionIn } from '../petitions/petition-factory';
import { wardIds } from '../past-figures/figures-data';
import { subsidyPerson, validBody } from '../subsidies/subsidy-factory';

const t = useTestApp(); // 2026-11-27
const staff = t.user('staff');
const manager = t.user('manager');

const days = (fy: number) => {
  const out: Record<string, string> = {};
  for (let n = 1; n <= 10; n++) Object.assign(out, { [`day_${n}_on`]: `${fy}-06-${String(n + 10)}`, [`day_${n}_topic`]: `内容${n}` });
  return out;
};

describe('年度 fields', () => {
  test.each([
    ['令和7年度', 2025], ['R8年度', 2026], ['令和元年度', 2019], ['２０２４年度', 2024], ['H30', 2018], ['2017', 2017],
  ])('the course 年度 「%s」 is %i', async (typed, fy) => {
    const res = await submit(staff.agent, '/guardians/courses/new', '/guardians/courses', { fiscal_year: typed, title: `講座${fy}`, ...days(fy) });
    expect([typed, res.status]).toEqual([typed, 303]);
    expect(await t.db('guardian_courses').where({ fiscal_year: fy, title: `講座${fy}` })).toHaveLength(1);
  });

  test('a 年度 that does not exist or is not one says how to type it', async () => {
    for (const typed of ['令和0年度', '昭和64年度', '7年度', '令和7年4月']) {
      const res = await submit(staff.agent, '/guardians/courses/new', '/guardians/courses', { fiscal_year: typed, title: '講座', ...days(2025) });
      expect([typed, res.status]).toEqual([typed, 400]);
      expect(res.text).toContain('id="fiscal_year-error">年度は「令和7年度」「R7」「2025」のように入力してください</p>');
    }
  });

  test.each(['/consultations', '/subsidies', '/petitions'])('the list %s takes fy=令和8年度 as 2026', async (list) => {
    const res = await manager.agent.get(`${list}?fy=${encodeURIComponent('令和8年度')}`);
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/<option value="2026" ?selected>/);
  });

  test('the meetings list takes fy=R6年度 as 2024', async () => {
    await insertMeeting(t.db, '2024-05-01');
    const res = await manager.agent.get(`/meetings?fy=${encodeURIComponent('R6年度')}`);
    expect(res.text).toMatch(/<option value="2024" ?selected>/);
  });

  test('the reports take 年度 typed in the address the same way', async () => {
    const res = await manager.agent.get(`/reports/consultations-monthly?fy=${encodeURIComponent('令和5年度')}`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('令和5年度');
  });
});

describe('phone numbers', () => {
  test.each([
    ['０９６ー３２８ー２１１１', '096-328-2111'],
    ['096－328－2111', '096-328-2111'],
    ['096‐328―2111', '096-328-2111'],
    ['090−1234−5678', '090-1234-5678'],
    ['096 328 2111', '0963282111'],
    ['（096）328-2111', '(096)328-2111'],
  ])('a person\'s 「%s」 is stored as %s', async (typed, stored) => {
    const name = `電話 ${stored}`;
    const res = await submit(staff.agent, '/persons/new', '/persons', { name, name_kana: 'デンワ', phone: typed });
    expect([typed, res.status]).toEqual([typed, 303]);
    expect((await t.db('persons').where({ name }).first()).phone).toBe(stored);
  });

  test('a citizen guardian\'s phone is normalised the same way', async () => {
    const res = await submit(staff.agent, '/guardians/new', '/guardians', { name: '電話 太郎', name_kana: 'デンワ タロウ', birth_date: '1960-01-01', phone: '０８０ー１２３４ー５６７８' });
    expect(res.status).toBe(303);
    expect((await t.db('citizen_guardians').where({ name: '電話 太郎' }).first()).phone).toBe('080-1234-5678');
  });
});

describe('amounts and counts', () => {
  test('subsidy: ￥ and 円, 全角 digits and commas, spaces, 「3か月」', async () => {
    const person = await subsidyPerson(t.db);
    const body = await validBody(t.db, { fee_awarded_yen: '￥１５０，０００円', granted_yen: '１００ ０００', home_months: '３か月', facility_months: '２ヶ月' });
    const res = await submit(staff.agent, '/subsidies/new', '/subsidies', { ...body, person_id: String(person) });
    expect(res.status).toBe(303);
    expect(await t.db('subsidies').where({ person_id: person }).first()).toMatchObject({ fee_awarded_yen: 150000, granted_yen: 100000, home_months: 3, facility_months: 2 });
  });

  test('petition fees typed with 円 and 全角 digits', async () => {
    const { id } = await petitionIn(t.db, '東区');
    const res = await submit(staff.agent, `/petitions/${id}/edit`, `/petitions/${id}`, { fee_filing_yen: '８００円', fee_postage_yen: '3,270 円' });
    expect(res.status).toBe(303);
    expect(await t.db('petitions').where({ id }).first()).toMatchObject({ fee_filing_yen: 800, fee_postage_yen: 3270 });
  });

  test('court counts typed with 人 and past figures with 件', async () => {
    const ids = await typeIds(t.db);
    const counts = Object.fromEntries(Object.entries({ 後見: '１，２００人', 保佐: '250 人', 補助: '100', 任意後見: '２０' }).map(([k, v]) => [`type_${ids[k]}`, v]));
    const court = await submit(staff.agent, '/indicators/court-users/new', '/indicators/court-users', { year: '2023年', ...counts });
    expect(court.status).toBe(303);
    const year = await t.db('court_user_years').where({ year: 2023 }).first();
    const stored = await t.db('court_user_counts').where({ year_id: year.id }).orderBy('count').pluck('count');
    expect(stored).toEqual([20, 100, 250, 1200]);

    const w = await wardIds(t.db);
    const values = Object.fromEntries(['中央区', '東区', '西区', '南区', '北区'].map((name, i) => [`v_ward_${w[name]}`, `${['１', '2件', '３ 件', '4', '5'][i]}`]));
    const figures = await submit(manager.agent, '/figures/petitions-yearly/new', '/figures/petitions-yearly', { fy: '2018', ...values });
    expect(figures.status).toBe(303);
    const set = await t.db('past_figure_sets').where({ report_id: 'petitions-yearly', fiscal_year: 2018 }).first();
    expect((await t.db('past_figure_values').where({ set_id: set.id }).pluck('value')).sort()).toEqual([1, 2, 3, 4, 5]);
  });
});
