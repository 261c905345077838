import { useTestApp } from '../../helpers/suite';
import { csrfFrom } from '../../helpers/agent';
import { MERGE_MESSAGES } from '../../../src/features/persons/persons-form';
import { codeId, insertConsultation, insertPerson, wardId } from '../../helpers/factories';

const t = useTestApp();
const staff = t.user('staff');

const person = (id: number) => t.db('persons').where({ id }).first();
const consultationsOf = async (id: number) => (await t.db('consultations').where({ person_id: id }).orderBy('id').select('id')).map((r) => r.id);
const audits = (action: string, id: number) => t.db('audit_log').where({ action, record_type: 'person', record_id: String(id) });

/** Opens the confirmation page for other → survivor, returning the form fields it carries. */
async function openConfirm(survivor: number, other: number) {
  const page = await staff.agent.get(`/persons/${survivor}/merge?other_id=${other}`);
  expect(page.status).toBe(200);
  const field = (n: string) => page.text.match(new RegExp(`name="${n}" value="(\\d+)"`))![1];
  return { html: page.text, body: { _csrf: csrfFrom(page.text), other_id: field('other_id'), version: field('version'), other_version: field('other_version') } };
}
const post = (survivor: number, body: Record<string, string>) => staff.agent.post(`/persons/${survivor}/merge`).type('form').send(body);

async function pair() {
  const ward = await wardId(t.db, '南区');
  const a = await insertPerson(t.db, { name: '八代 太郎', name_kana: 'ヤツシロ タロウ', birth_date: '1939-09-09', phone: '096-111-2222', notes: '長男と同居' });
  const b = await insertPerson(t.db, {
    name: '八代 太朗', name_kana: 'ヤツシロ タロウ', birth_date: '1939-09-09', phone: '096-333-4444', ward_id: ward,
    care_level_id: await codeId(t.db, 'care_level', '要介護2'), notes: 'ささえりあから紹介',
  });
  return { a, b, ward };
}

describe('merge two persons', () => {
  test('the page suggests same kana/birth candidates first and shows both records to confirm', async () => {
    const { a, b } = await pair();
    const page = await staff.agent.get(`/persons/${a}/merge`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`href="/persons/${a}/merge?other_id=${b}"`);
    const confirm = await openConfirm(a, b);
    expect(confirm.html).toContain('八代 太朗');
    expect(confirm.html).toContain('相談記録 0件');
    expect(await audits('person.view', b)).toHaveLength(1);
  });

  test('consultations move, empty fields fill, notes keep both, the other row stays as merged, versions bump, both audited', async () => {
    const { a, b, ward } = await pair();
    const kept = [await insertConsultation(t.db, { person_id: a, consulted_on: '2026-04-01' })];
    const moved = [await insertConsultation(t.db, { person_id: b, consulted_on: '2026-04-01' }), await insertConsultation(t.db, { person_id: b, consulted_on: '2025-05-05' })];
    const { body } = await openConfirm(a, b);
    const res = await post(a, { ...body, confirm: '1' });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/persons/${a}`);

    expect(await consultationsOf(a)).toEqual([...kept, ...moved].sort((x, y) => x - y));
    expect(await consultationsOf(b)).toEqual([]);
    const survivor = await person(a);
    const other = await person(b);
    expect(survivor).toMatchObject({ ward_id: ward, phone: '096-111-2222', name: '八代 太郎', version: 2, merged_into_id: null });
    expect(survivor.care_level_id).toBe(await codeId(t.db, 'care_level', '要介護2'));
    expect(survivor.notes).toContain('長男と同居');
    expect(survivor.notes).toContain('ささえりあから紹介');
    expect(survivor.notes).toContain('氏名：八代 太朗');
    expect(survivor.notes).toContain('電話番号：096-333-4444');
    expect(other).toMatchObject({ merged_into_id: a, version: 2, name: '八代 太朗' });
    expect(other.merged_at).not.toBeNull();
    expect(await audits('person.merge', a)).toHaveLength(1);
    expect(await audits('person.merged', b)).toHaveLength(1);

    const merged = await staff.agent.get(`/persons/${b}`);
    expect(merged.status).toBe(200);
    expect(merged.text).toContain('統合されました');
    expect(merged.text).toContain(`href="/persons/${a}"`);
    const list = await staff.agent.get('/persons?kana=やつしろ');
    expect(list.text).toContain(`href="/persons/${a}"`);
    expect(list.text).not.toContain(`href="/persons/${b}"`);
  });

  test('without the confirmation box nothing happens', async () => {
    const { a, b } = await pair();
    await insertConsultation(t.db, { person_id: b, consulted_on: '2026-04-01' });
    const { body } = await openConfirm(a, b);
    const res = await post(a, body);
    expect(res.status).toBe(400);
    expect(res.text).toContain(MERGE_MESSAGES.confirm);
    expect(await consultationsOf(b)).toHaveLength(1);
    expect((await person(b)).merged_into_id).toBeNull();
  });

  test('refuses a record into itself, and into or from a merged record', async () => {
    const { a, b } = await pair();
    const c = await insertPerson(t.db, { name: '合志 花', name_kana: 'コウシ ハナ' });
    const { body } = await openConfirm(a, b);
    const self = await post(a, { ...body, other_id: String(a), other_version: '1', confirm: '1' });
    expect(self.status).toBe(400);
    expect(self.text).toContain(MERGE_MESSAGES.self);
    await t.db('persons').where({ id: c }).update({ merged_into_id: b, merged_at: new Date() });
    const from = await post(a, { ...body, other_id: String(c), other_version: '1', confirm: '1' });
    expect(from.status).toBe(400);
    expect(from.text).toContain(MERGE_MESSAGES.merged);
    const into = await post(c, { ...body, other_id: String(a), confirm: '1' });
    expect(into.status).toBe(303);
    expect(into.headers.location).toBe(`/persons/${c}`);
    expect((await person(a)).merged_into_id).toBeNull();
    expect((await person(a)).version).toBe(1);
  });

  test('a stale confirmation (the other record changed meanwhile) is refused with 409 and nothing moves', async () => {
    const { a, b } = await pair();
    await insertConsultation(t.db, { person_id: b, consulted_on: '2026-04-01' });
    const { body } = await openConfirm(a, b);
    await t.db('persons').where({ id: b }).update({ address: '後から入力', version: 2 });
    const res = await post(a, { ...body, confirm: '1' });
    expect(res.status).toBe(409);
    expect(res.text).toContain(MERGE_MESSAGES.stale);
    expect(await consultationsOf(b)).toHaveLength(1);
    expect(await person(a)).toMatchObject({ version: 1, address: null });
    expect((await person(b)).merged_into_id).toBeNull();
    expect(await audits('person.merge', a)).toHaveLength(0);
  });

  test('all or nothing: a failure on the last step (a database rule) rolls back the moved rows and the filled fields', async () => {
    const { a, b } = await pair();
    await insertConsultation(t.db, { person_id: b, consulted_on: '2026-04-01' });
    const { body } = await openConfirm(a, b);
    await t.db.raw(`CREATE FUNCTION refuse_merge() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.merged_into_id IS NOT NULL THEN RAISE EXCEPTION 'merge refused by test rule'; END IF; RETURN NEW; END $$`);
    await t.db.raw('CREATE TRIGGER refuse_merge BEFORE UPDATE ON persons FOR EACH ROW EXECUTE FUNCTION refuse_merge()');
    try {
      const res = await post(a, { ...body, confirm: '1' });
      expect(res.status).toBe(500);
    } finally {
      await t.db.raw('DROP TRIGGER refuse_merge ON persons');
      await t.db.raw('DROP FUNCTION refuse_merge()');
    }
    expect(await consultationsOf(b)).toHaveLength(1);
    expect(await consultationsOf(a)).toHaveLength(0);
    expect(await person(a)).toMatchObject({ version: 1, ward_id: null, notes: '長男と同居' });
    expect(await person(b)).toMatchObject({ version: 1, merged_into_id: null });
    expect(await audits('person.merge', a)).toHaveLength(0);
    expect(await audits('person.merged', b)).toHaveLength(0);
  });
});
