import { createTestApp, TestApp } from '../../helpers/app';
import { codeId, makeUser, wardId } from '../../helpers/factories';
import { Agent, csrfFrom, loginAs } from '../../helpers/agent';
import { formValues } from '../consultations/helpers';
import { PETITION_MESSAGES } from '../../../src/features/petitions/record/petitions-schema';
import { audits, petitionIn } from './petition-factory';

let t: TestApp;
let staff: Agent;

beforeAll(async () => {
  t = await createTestApp();
  staff = await loginAs(t.app, (await makeUser(t.db, { role: 'staff' })).username);
});
afterAll(async () => { await t.close(); });

const historyOf = (id: number) => t.db('petition_history').where({ petition_id: id }).orderBy('id').select('field', 'old_value', 'new_value', 'user_id');

describe('edit the record', () => {
  test('every changed field gets a history line (old → new, newest first on the page); unchanged fields none', async () => {
    const { id } = await petitionIn(t.db, '東区');
    const form = await staff.get(`/petitions/${id}/edit`);
    expect(form.status).toBe(200);
    const values = formValues(form.text, `/petitions/${id}`);
    const res = await staff.post(`/petitions/${id}`).type('form').send({
      ...values, case_number: '令和8年（家）第１２３号', filed_on: 'R8.11.2', fee_filing_yen: '800円', supervisor_appointed: 'false',
      person_wishes: '自宅で暮らしたい', guardian_relation_id: String(await codeId(t.db, 'guardian_relation', '社会福祉士')),
      motive_ids: [String(await codeId(t.db, 'petition_motive', '相続手続'))],
    });
    expect(res.status).toBe(303);
    const p = await t.db('petitions').where({ id }).first();
    expect(p).toMatchObject({ case_number: '令和8年(家)第123号', filed_on: '2026-11-02', fee_filing_yen: 800, supervisor_appointed: false, version: 2 });
    const h = await historyOf(id);
    expect(h.map((r) => [r.field, r.old_value, r.new_value])).toEqual(expect.arrayContaining([
      ['事件番号', null, '令和8年(家)第123号'], ['申立日', null, '令和8年11月2日'], ['申立手数料（円）', null, '800円'],
      ['監督人の選任', null, 'なし'], ['本人の意向', null, '自宅で暮らしたい'], ['後見人等の種別', null, '社会福祉士'],
      ['申立ての動機', null, '相続手続'],
    ]));
    expect(h).toHaveLength(7);
    expect(await audits(t.db, 'petition.update', id)).toHaveLength(1);
    expect(await audits(t.db, 'petition.ward_change', id)).toHaveLength(0);

    const again = formValues((await staff.get(`/petitions/${id}/edit`)).text, `/petitions/${id}`);
    await staff.post(`/petitions/${id}`).type('form').send({ ...again, case_number: '令和8年(家)第124号' });
    const page = (await staff.get(`/petitions/${id}`)).text;
    const history = page.slice(page.indexOf('id="history"'));
    expect(history).toMatch(/事件番号<\/td><td>令和8年\(家\)第123号<\/td><td>令和8年\(家\)第124号/);
    expect(history.indexOf('第124号')).toBeLessThan(history.indexOf('申立手数料'));
  });

  test('the case number must have the court\'s shape; dates not in the future nor out of order; typed values kept', async () => {
    const { id } = await petitionIn(t.db, '東区');
    const form = await staff.get(`/petitions/${id}/edit`);
    const values = formValues(form.text, `/petitions/${id}`);
    const bad = await staff.post(`/petitions/${id}`).type('form').send({ ...values, case_number: '8年家123' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain(PETITION_MESSAGES.case_number);
    expect(bad.text).toContain('value="8年家123"');
    const future = await staff.post(`/petitions/${id}`).type('form').send({ ...values, decided_on: '2026-11-28' });
    expect(future.status).toBe(400);
    expect(future.text).toContain(PETITION_MESSAGES.future);
    const order = await staff.post(`/petitions/${id}`).type('form').send({ ...values, filed_on: '2026-10-10', decided_on: '2026-10-01' });
    expect(order.status).toBe(400);
    expect(order.text).toContain('審判日は申立日（令和8年10月10日）以降の日付を入力してください');
    expect(await t.db('petitions').where({ id }).first()).toMatchObject({ version: 1, case_number: null, decided_on: null });
  });

  test('a ward change is audited on its own, and the old ward loses sight of the petition', async () => {
    const { id } = await petitionIn(t.db, '東区');
    const east = await loginAs(t.app, (await makeUser(t.db, { role: 'ward', ward: '東区' })).username);
    expect((await east.get(`/petitions/${id}`)).status).toBe(200);
    const values = formValues((await staff.get(`/petitions/${id}/edit`)).text, `/petitions/${id}`);
    expect((await staff.post(`/petitions/${id}`).type('form').send({ ...values, ward_id: String(await wardId(t.db, '西区')) })).status).toBe(303);
    expect(await audits(t.db, 'petition.ward_change', id)).toHaveLength(1);
    expect((await historyOf(id)).map((r) => [r.field, r.old_value, r.new_value])).toEqual([['区', '東区', '西区']]);
    expect((await east.get(`/petitions/${id}`)).status).toBe(404);
    expect(await audits(t.db, 'petition.denied', id)).toHaveLength(1);
  });

  test('a stale edit (someone recorded a relative meanwhile) gets the conflict page with both values, and overwrites nothing', async () => {
    const { id } = await petitionIn(t.db, '東区');
    const form = await staff.get(`/petitions/${id}/edit`);
    const values = formValues(form.text, `/petitions/${id}`);
    const other = await loginAs(t.app, (await makeUser(t.db, { role: 'staff' })).username);
    const otherValues = formValues((await other.get(`/petitions/${id}/edit`)).text, `/petitions/${id}`);
    expect((await other.post(`/petitions/${id}`).type('form').send({ ...otherValues, diagnosis: 'アルツハイマー型認知症' })).status).toBe(303);
    const stale = await staff.post(`/petitions/${id}`).type('form').send({ ...values, diagnosis: '脳血管性認知症' });
    expect(stale.status).toBe(409);
    expect(stale.text).toMatch(/<tr class="changed"><th scope="row">診断名<\/th><td>脳血管性認知症<\/td><td>アルツハイマー型認知症<\/td><\/tr>/);
    expect(await t.db('petitions').where({ id }).first()).toMatchObject({ diagnosis: 'アルツハイマー型認知症', version: 2 });
    // children changes move the version too
    const east = await loginAs(t.app, (await makeUser(t.db, { role: 'ward', ward: '東区' })).username);
    const fresh = formValues((await staff.get(`/petitions/${id}/edit`)).text, `/petitions/${id}`);
    const page = await east.get(`/petitions/${id}`);
    await east.post(`/petitions/${id}/relatives`).type('form').send({ _csrf: csrfFrom(page.text), rel_name: '東 花', rel_relation: '妹', rel_degree: '2' });
    expect((await staff.post(`/petitions/${id}`).type('form').send({ ...fresh, diagnosis: '脳血管性認知症' })).status).toBe(409);
  });
});
