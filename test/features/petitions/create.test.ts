import { createTestApp, TestApp } from '../../helpers/app';
import { codeId, insertPerson, makeUser, wardId } from '../../helpers/factories';
import { Agent, csrfFrom, loginAs } from '../../helpers/agent';
import { formValues } from '../consultations/helpers';
import { PETITION_MESSAGES } from '../../../src/features/petitions/record/petitions-schema';
import { audits } from './petition-factory';

let t: TestApp;
let staff: Agent;

beforeAll(async () => {
  t = await createTestApp();
  staff = await loginAs(t.app, (await makeUser(t.db, { role: 'staff' })).username);
});
afterAll(async () => { await t.close(); });

const historyOf = (id: number) => t.db('petition_history').where({ petition_id: id }).orderBy('id').select('field', 'old_value', 'new_value', 'user_id');

describe('new petition', () => {
  test('search the person by kana, pick them; the ward defaults to theirs; motives are several; audited with a history line', async () => {
    const personId = await insertPerson(t.db, { name: '申立 ハル', name_kana: 'モウシタテ ハル', birth_date: '1938-02-03', ward_id: await wardId(t.db, '南区') });
    const form = await staff.get('/petitions/new');
    expect(form.status).toBe(200);
    const token = csrfFrom(form.text);
    const search = await staff.post('/petitions').type('form').send({ _csrf: token, person_kana: 'もうしたて', intent: 'search' });
    expect(search.status).toBe(200);
    expect(search.text).toContain(`name="person_id" id="person_id" value="${personId}"`);
    expect(search.text).toContain('申立 ハル（モウシタテ ハル） 昭和13年2月3日生 南区');
    const motives = [await codeId(t.db, 'petition_motive', '預貯金等の管理・解約'), await codeId(t.db, 'petition_motive', '介護保険契約')];
    const basis = await codeId(t.db, 'legal_basis', '老人福祉法第32条');
    const res = await staff.post('/petitions').type('form').send({
      _csrf: token, person_id: String(personId), ward_id: '', legal_basis_id: String(basis), reason: '親族拒否', urgency: '緊急',
      referral_source: 'ささえりあ城南', type_sought_id: String(await codeId(t.db, 'guardianship_type', '後見')), motive_ids: motives.map(String),
    });
    expect(res.status).toBe(303);
    const id = Number(res.headers.location.split('/').pop());
    expect(await t.db('petitions').where({ id }).first()).toMatchObject({
      person_id: personId, ward_id: await wardId(t.db, '南区'), legal_basis_id: basis, reason: '親族拒否', urgency: '緊急', version: 1,
    });
    expect((await t.db('petition_motives').where({ petition_id: id }).orderBy('motive_id')).map((m) => m.motive_id)).toEqual(motives.sort((a, b) => a - b));
    expect(await audits(t.db, 'petition.create', id)).toHaveLength(1);
    expect(await historyOf(id)).toEqual([expect.objectContaining({ field: '登録', new_value: '市長申立てを登録' })]);
    const page = await staff.get(`/petitions/${id}`);
    expect(page.text).toContain('預貯金等の管理・解約、介護保険契約');
    expect(page.text).toContain('1 相談受付');
    expect(page.text).toContain('（0日目）');
  });

  test('?person_id= preselects the person and their ward; bad input re-renders with 400 and stores nothing', async () => {
    const personId = await insertPerson(t.db, { name: '選択 ナツ', name_kana: 'センタク ナツ', ward_id: await wardId(t.db, '北区') });
    const form = await staff.get(`/petitions/new?person_id=${personId}`);
    const values = formValues(form.text, '/petitions');
    expect(values).toMatchObject({ person_id: String(personId), ward_id: String(await wardId(t.db, '北区')), urgency: '通常' });
    const before = await t.db('petitions').count({ n: '*' });
    const voluntary = await codeId(t.db, 'guardianship_type', '任意後見');
    expect(form.text).not.toContain(`value="${voluntary}"`);
    const bad = await staff.post('/petitions').type('form').send({ ...values, _csrf: csrfFrom(form.text), reason: 'その他', type_sought_id: String(voluntary) });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain(PETITION_MESSAGES.type_sought_id);
    const noPerson = await staff.post('/petitions').type('form').send({ ...values, person_id: '', _csrf: csrfFrom(form.text), reason: 'その他' });
    expect(noPerson.status).toBe(400);
    expect(noPerson.text).toContain(PETITION_MESSAGES.person);
    const noNote = await staff.post('/petitions').type('form').send({ ...values, _csrf: csrfFrom(form.text), reason: 'その他', reason_note: '' });
    expect(noNote.status).toBe(400);
    expect(noNote.text).toContain(PETITION_MESSAGES.reasonNoteRequired);
    expect(noNote.text).toContain('aria-invalid="true"');
    expect(await t.db('petitions').count({ n: '*' })).toEqual(before);
  });

  test('ward users and managers may not open a petition', async () => {
    for (const role of ['ward', 'manager'] as const) {
      const agent = await loginAs(t.app, (await makeUser(t.db, { role })).username);
      expect((await agent.get('/petitions/new')).status).toBe(403);
    }
  });
});
