import { useTestApp } from '../../helpers/suite';
import { CONSULTATION_MESSAGES as M } from '../../../src/features/consultations/consultations-schema';
import { categoryId, formValues, submitNew } from './helpers';
import { codeId, insertPerson, wardId } from '../../helpers/factories';

const t = useTestApp(); // 2026-11-27 10:00 in Tokyo
const staff = t.user('staff');
let leaf: number;
beforeAll(async () => { leaf = await categoryId(t.db, '制度説明'); });

const newest = () => t.db('consultations').orderBy('id', 'desc').first();

describe('linking a person', () => {
  let yamada: number;
  let sex: number;
  let condition: number;
  beforeAll(async () => {
    sex = await codeId(t.db, 'sex', '女性');
    condition = await codeId(t.db, 'condition', '認知症');
    yamada = await insertPerson(t.db, { name: '山田 花子', name_kana: 'ヤマダ　ハナコ', birth_date: '1940-05-06', ward_id: await wardId(t.db, '西区'), sex_id: sex, condition_id: condition });
    await insertPerson(t.db, { name: '山本 一郎', name_kana: 'ヤマモト　イチロウ' });
    await insertPerson(t.db, { name: '田中 次郎', name_kana: 'タナカ　ジロウ' });
  });

  test('a kana search re-renders the form with matching candidates as radios, keeping what was typed', async () => {
    const res = await submitNew(staff.agent, { category_id: String(leaf), content: '入力途中', person_kana: 'やま', intent: 'search' });
    expect(res.status).toBe(200);
    expect(res.text).toContain('氏名カナが「やま」で始まる本人：2件');
    expect(res.text).toContain('山田 花子（ヤマダ　ハナコ） 昭和15年5月6日生 西区');
    expect(res.text).toContain('山本 一郎');
    expect(res.text).not.toContain('田中 次郎');
    expect(res.text).toMatch(new RegExp(`type="radio" name="person_id" id="person_id" value="${yamada}"[^>]*autofocus`));
    expect(res.text).toContain('入力途中</textarea>');
    expect(await t.db('consultations').where({ content: '入力途中' })).toHaveLength(0);
  });

  test('the search shows persons, so it is audited as on the other forms that pick a person', async () => {
    const searches = () => t.db('audit_log').where({ action: 'person.search', actor_id: staff.id }).count({ n: '*' }).first();
    const before = Number((await searches())!.n);
    await submitNew(staff.agent, { category_id: String(leaf), person_kana: 'たなか', intent: 'search' });
    expect(Number((await searches())!.n)).toBe(before + 1);
  });

  test('choosing a candidate saves the link; blank ward / sex / condition default from the person', async () => {
    const page = await submitNew(staff.agent, { category_id: String(leaf), person_kana: 'ヤマダ' });
    const values = formValues(page.text, '/consultations');
    const res = await staff.agent.post('/consultations').type('form').send({ ...values, person_id: String(yamada), content: '本人の相談' });
    expect(res.status).toBe(303);
    expect(await newest()).toMatchObject({ person_id: yamada, ward_id: await wardId(t.db, '西区'), sex_id: sex, condition_id: condition, content: '本人の相談' });
  });

  test('?person_id= prefills the person and their ward / sex / condition', async () => {
    const res = await staff.agent.get(`/consultations/new?person_id=${yamada}`);
    const v = formValues(res.text, '/consultations');
    expect(v).toMatchObject({ person_id: String(yamada), ward_id: String(await wardId(t.db, '西区')), sex_id: String(sex), condition_id: String(condition) });
  });

  test('an empty search asks for a kana; anonymous entries keep age band / sex / condition', async () => {
    const empty = await submitNew(staff.agent, { category_id: String(leaf), intent: 'search', person_kana: '　' });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain(M.searchKana);
    const band = await codeId(t.db, 'age_band', '75〜84歳');
    const res = await submitNew(staff.agent, { category_id: String(leaf), age_band_id: String(band), sex_id: String(sex), condition_id: String(condition) });
    expect(res.status).toBe(303);
    expect(await newest()).toMatchObject({ person_id: null, age_band_id: band, sex_id: sex, condition_id: condition });
  });
});
