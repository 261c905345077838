/**
 * Issue 14 item 15 through the routes: a blank 年齢区分 is filled on save from the linked person's
 * birth date and the consultation date; a band staff chose is kept; the form opened for a person shows it.
 */
import { useTestApp } from '../../helpers/suite';
import { categoryId, formValues, submitNew } from './helpers';
import { codeId, insertPerson } from '../../helpers/factories';

describe('the consultation form', () => {
  const t = useTestApp(); // 2026-11-27 10:00 in Tokyo
  const staff = t.user('staff');
  let leaf: number;
  let person: number;
  const band = (label: string) => codeId(t.db, 'age_band', label);
  const newest = () => t.db('consultations').orderBy('id', 'desc').first();
  beforeAll(async () => {
    leaf = await categoryId(t.db, '制度説明');
    person = await insertPerson(t.db, { name: '年齢 花子', name_kana: 'ネンレイ　ハナコ', birth_date: '1951-11-27' });
  });

  test('saved with the band left blank: the person\'s age on the consultation date, on the birthday and the day before', async () => {
    for (const [on, label] of [['2026-11-27', '75〜84歳'], ['2026-11-26', '65〜74歳']]) {
      const res = await submitNew(staff.agent, { consulted_on: on, category_id: String(leaf), person_id: String(person), age_band_id: '' });
      expect(res.status).toBe(303);
      expect((await newest()).age_band_id).toBe(await band(label));
    }
  });

  test('a band staff chose is kept; no person or no birth date leaves it blank', async () => {
    const chosen = await submitNew(staff.agent, { category_id: String(leaf), person_id: String(person), age_band_id: String(await band('不明')) });
    expect(chosen.status).toBe(303);
    expect((await newest()).age_band_id).toBe(await band('不明'));
    const noBirth = await insertPerson(t.db, { name: '年齢 不詳', name_kana: 'ネンレイ　フショウ' });
    await submitNew(staff.agent, { category_id: String(leaf), person_id: String(noBirth), age_band_id: '' });
    expect((await newest()).age_band_id).toBeNull();
    await submitNew(staff.agent, { category_id: String(leaf), person_id: '', age_band_id: '' });
    expect((await newest()).age_band_id).toBeNull();
  });

  test('an edit that leaves the band blank gets it from the person too', async () => {
    const [row] = await t.db('consultations').insert({ consulted_on: '2026-06-01', category_id: leaf, person_id: person, staff_id: staff.id }).returning('id');
    const form = await staff.agent.get(`/consultations/${row.id}/edit`);
    const res = await staff.agent.post(`/consultations/${row.id}`).type('form').send({ ...formValues(form.text, `/consultations/${row.id}`), age_band_id: '' });
    expect([res.status, res.text.match(/error-text" id="[^"]*">[^<]*/g)]).toEqual([303, null]);
    expect((await t.db('consultations').where({ id: row.id }).first()).age_band_id).toBe(await band('65〜74歳'));
  });

  test('the form opened for a person shows the band already, and gives the script what it needs', async () => {
    const page = await staff.agent.get(`/consultations/new?person_id=${person}`);
    expect(page.status).toBe(200);
    expect(formValues(page.text, '/consultations').age_band_id).toBe(String(await band('75〜84歳')));
    expect(page.text).toMatch(new RegExp(`name="person_id" id="person_id" value="${person}" data-birth="1951-11-27"`));
    expect(page.text).toMatch(/data-age-bands="\[\{&#34;id&#34;:\d+,&#34;min&#34;:0,&#34;max&#34;:39\}/);
    expect(page.text).toMatch(/<script src="\/public\/js\/age-band\.js" nonce="[^"]+" defer><\/script>/);
    expect((await staff.agent.get('/public/js/age-band.js')).status).toBe(200);
  });
});
