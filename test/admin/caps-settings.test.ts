import { useTestApp } from '../helpers/suite';
import { csrfFrom, postForm, tokenFor } from '../helpers/agent';

const t = useTestApp();
const admin = t.user('admin');

const CAPS = '/admin/masters/subsidy-caps';
const SETTINGS = '/admin/masters/settings';
const AMOUNT = '月額上限を0〜1,000,000円の整数で入力してください';
const FROM = '適用開始日を正しい日付で入力してください（例：2025-04-01、令和7年4月1日）';
const NOT_AFTER = '適用開始日は現在の上限額の適用開始日より後にしてください';
const STALL = '停滞とみなす日数を1〜365の整数で入力してください';

const postCap = (body: Record<string, string>) => postForm(admin.agent, CAPS, body, CAPS);

const caps = (setting: string) =>
  t.db('subsidy_caps').where({ setting }).orderBy('valid_from').select('setting', 'monthly_yen', 'valid_from', 'valid_to', 'version');
const setting = () => t.db('settings').where({ key: 'petition_stall_days' }).first();

describe('subsidy caps', () => {
  test('the seeded caps are listed as in force', async () => {
    const res = await admin.agent.get(CAPS);
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/<td>在宅<\/td><td class="num">28,000<\/td><td>平成12年4月1日[^<]*<\/td><td>（現在有効）<\/td>/);
    expect(res.text).toMatch(/<td>施設<\/td><td class="num">18,000<\/td><td>平成12年4月1日[^<]*<\/td><td>（現在有効）<\/td>/);
  });

  test('a new 在宅 cap from 令和9年4月1日 closes the open one on 2027-03-31; 施設 is untouched', async () => {
    const res = await postCap({ setting: '在宅', monthly_yen: '３０,０００', valid_from: '令和9年4月1日' });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(CAPS);
    expect(await caps('在宅')).toEqual([
      { setting: '在宅', monthly_yen: 28000, valid_from: '2000-04-01', valid_to: '2027-03-31', version: 2 },
      { setting: '在宅', monthly_yen: 30000, valid_from: '2027-04-01', valid_to: null, version: 1 },
    ]);
    expect(await caps('施設')).toEqual([
      { setting: '施設', monthly_yen: 18000, valid_from: '2000-04-01', valid_to: null, version: 1 },
    ]);
    const created = await t.db('subsidy_caps').where({ setting: '在宅', valid_from: '2027-04-01' }).first('id', 'updated_by');
    expect(created.updated_by).toBe(admin.id);
    const rows = await t.db('audit_log').where({ action: 'master.create', record_type: 'subsidy_caps', record_id: String(created.id) });
    expect(rows).toHaveLength(1);
    expect(rows[0].actor_id).toBe(admin.id);
    // closing the previous cap is a change to that record, and is audited as such
    const closed = await t.db('subsidy_caps').where({ setting: '在宅', valid_from: '2000-04-01' }).first('id');
    expect(await t.db('audit_log').where({ action: 'master.update', record_type: 'subsidy_caps', record_id: String(closed.id) })).toHaveLength(1);

    const page = await admin.agent.get(CAPS);
    expect(page.text).toContain('報酬助成の上限額を登録しました。');
    expect(page.text).toMatch(/<td>在宅<\/td><td class="num">30,000<\/td><td>令和9年4月1日[^<]*<\/td><td>（現在有効）<\/td>/);
    expect(page.text).toMatch(/<td>在宅<\/td><td class="num">28,000<\/td><td>平成12年4月1日[^<]*<\/td><td>令和9年3月31日[^<]*<\/td>/);
  });

  test('a start date not after the current cap\'s start is refused (400) and nothing changes', async () => {
    const before = await caps('在宅');
    for (const valid_from of ['2027-04-01', 'R9.3.31', '2026-04-01']) {
      const res = await postCap({ setting: '在宅', monthly_yen: '31000', valid_from });
      expect(res.status).toBe(400);
      expect(res.text).toContain(`<p class="error-text" id="valid_from-error">${NOT_AFTER}</p>`);
      expect(res.text).toMatch(/<input id="valid_from"[^>]*aria-invalid="true"/);
      expect(res.text).toContain(`<a href="#valid_from">${NOT_AFTER}</a>`);
    }
    // for 施設 the seeded start date itself is not after the current one either
    const same = await postCap({ setting: '施設', monthly_yen: '20000', valid_from: '2000-04-01' });
    expect(same.status).toBe(400);
    expect(await caps('在宅')).toEqual(before);
    expect(await caps('施設')).toHaveLength(1);
  });

  test('an invalid amount is refused (400) with the amount message, and nothing is stored', async () => {
    const before = await t.db('subsidy_caps').count({ n: '*' });
    for (const monthly_yen of ['', 'abc', '-1', '1000001', '28000.5', '2万']) {
      const res = await postCap({ setting: '施設', monthly_yen, valid_from: '2030-04-01' });
      expect(res.status).toBe(400);
      expect(res.text).toContain(`<p class="error-text" id="monthly_yen-error">${monthly_yen === '' ? '月額上限を入力してください' : AMOUNT}</p>`);
      expect(res.text).toMatch(/<input id="monthly_yen"[^>]*aria-invalid="true"/);
    }
    expect(await t.db('subsidy_caps').count({ n: '*' })).toEqual(before);
    expect(await caps('施設')).toEqual([{ setting: '施設', monthly_yen: 18000, valid_from: '2000-04-01', valid_to: null, version: 1 }]);
  });

  test('an impossible date or an unknown setting is refused (400)', async () => {
    const badDate = await postCap({ setting: '施設', monthly_yen: '20000', valid_from: '令和9年2月29日' });
    expect(badDate.status).toBe(400);
    expect(badDate.text).toContain(FROM);
    // what was typed is kept
    expect(badDate.text).toMatch(/<input id="valid_from"[^>]*value="令和9年2月29日"/);
    const badSetting = await postCap({ setting: '病院', monthly_yen: '20000', valid_from: '2030-04-01' });
    expect(badSetting.status).toBe(400);
    expect(badSetting.text).toContain('在宅か施設かを選択してください');
    expect(await caps('施設')).toHaveLength(1);
  });

  test('a second new cap closes the previous new one, keeping the history contiguous', async () => {
    const res = await postCap({ setting: '在宅', monthly_yen: '32000', valid_from: '2028/10/1' });
    expect(res.status).toBe(303);
    const rows = await caps('在宅');
    expect(rows.map((r) => [r.valid_from, r.valid_to, r.monthly_yen])).toEqual([
      ['2000-04-01', '2027-03-31', 28000],
      ['2027-04-01', '2028-09-30', 30000],
      ['2028-10-01', null, 32000],
    ]);
  });

  test('only admins manage caps', async () => {
    const { agent: a } = await t.login('manager');
    expect((await a.get(CAPS)).status).toBe(403);
    const token = await tokenFor(a, '/');
    const res = await a.post(CAPS).type('form').send({ setting: '在宅', monthly_yen: '1', valid_from: '2099-04-01', _csrf: token });
    expect(res.status).toBe(403);
    expect(await t.db('subsidy_caps').where({ valid_from: '2099-04-01' }).first()).toBeUndefined();
  });
});

describe('settings', () => {
  test('the stall days are shown and updated with the version; audited', async () => {
    const page = await admin.agent.get(SETTINGS);
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/<input id="petition_stall_days"[^>]*value="30"/);
    expect(page.text).toContain('name="version" value="1"');
    const res = await admin.agent.post(SETTINGS).type('form').send({ petition_stall_days: '45', version: '1', _csrf: csrfFrom(page.text) });
    expect(res.status).toBe(303);
    expect(await setting()).toMatchObject({ int_value: 45, version: 2, updated_by: admin.id });
    const after = await admin.agent.get(SETTINGS);
    expect(after.text).toContain('設定を更新しました。');
    expect(after.text).toMatch(/<input id="petition_stall_days"[^>]*value="45"/);
    expect(after.text).toContain('name="version" value="2"');
    const rows = await t.db('audit_log').where({ action: 'master.update', record_type: 'settings', record_id: 'petition_stall_days' });
    expect(rows).toHaveLength(1);
    expect(rows[0].actor_id).toBe(admin.id);
  });

  test('a stale version gets the 409 conflict page with both values; nothing overwritten', async () => {
    const current = await setting();
    const token = await tokenFor(admin.agent, SETTINGS);
    const res = await admin.agent.post(SETTINGS).type('form').send({ petition_stall_days: '60', version: String(current.version - 1), _csrf: token });
    expect(res.status).toBe(409);
    expect(res.text).toContain(`<th scope="row">申立て停滞とみなす日数</th><td>60</td><td>${current.int_value}</td>`);
    expect(await setting()).toMatchObject({ int_value: current.int_value, version: current.version });
    expect(await t.db('audit_log').where({ action: 'master.update', record_type: 'settings' }).count({ n: '*' })).toEqual([{ n: 1 }]);
  });

  test('out of range or not a number is refused (400) next to the field; nothing changes', async () => {
    const current = await setting();
    for (const days of ['0', '366', '-5', 'abc', '', '1.5']) {
      const token = await tokenFor(admin.agent, SETTINGS);
      const res = await admin.agent.post(SETTINGS).type('form').send({ petition_stall_days: days, version: String(current.version), _csrf: token });
      expect(res.status).toBe(400);
      const message = days === '' ? '停滞とみなす日数を入力してください' : STALL;
      expect(res.text).toContain(`<p class="error-text" id="petition_stall_days-error">${message}</p>`);
      expect(res.text).toMatch(/<input id="petition_stall_days"[^>]*aria-invalid="true"/);
      expect(res.text).toContain(`<a href="#petition_stall_days">${message}</a>`);
      // the form can be sent again as it is
      expect(res.text).toContain(`name="version" value="${current.version}"`);
    }
    expect(await setting()).toMatchObject({ int_value: current.int_value, version: current.version });
    // the bounds themselves are allowed (全角 digits too)
    const token = await tokenFor(admin.agent, SETTINGS);
    const ok = await admin.agent.post(SETTINGS).type('form').send({ petition_stall_days: '３６５', version: String(current.version), _csrf: token });
    expect(ok.status).toBe(303);
    expect(await setting()).toMatchObject({ int_value: 365, version: current.version + 1 });
  });

  test('only admins change settings', async () => {
    const { agent: a } = await t.login('staff');
    expect((await a.get(SETTINGS)).status).toBe(403);
    const current = await setting();
    const res = await a.post(SETTINGS).type('form').send({ petition_stall_days: '7', version: String(current.version), _csrf: await tokenFor(a, '/') });
    expect(res.status).toBe(403);
    expect((await setting()).int_value).toBe(current.int_value);
  });
});
