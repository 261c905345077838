import { useTestApp } from '../../helpers/suite';
import { csrfFrom } from '../../helpers/agent';
import { PERSON_MESSAGES } from '../../../src/features/persons/persons-form';
import { personForm } from './person-factory';
import { codeId, insertPerson, wardId } from '../../helpers/factories';

const t = useTestApp();
const staff = t.user('staff');

/** Opens the edit form and returns its token and the version it carries. */
async function openEdit(id: number) {
  const page = await staff.agent.get(`/persons/${id}/edit`);
  expect(page.status).toBe(200);
  return { token: csrfFrom(page.text), version: page.text.match(/name="version" value="(\d+)"/)![1], html: page.text };
}
const save = (id: number, token: string, body: Record<string, string>) =>
  staff.agent.post(`/persons/${id}`).type('form').send({ ...personForm(body), _csrf: token });

describe('edit a person', () => {
  test('the form shows the saved values; a save bumps the version, recomputes kana_key/phone_digits and is audited', async () => {
    const id = await insertPerson(t.db, { name: '菊池 次郎', name_kana: 'キクチ ジロウ', birth_date: '1948-03-03' });
    const { token, version, html } = await openEdit(id);
    expect(version).toBe('1');
    expect(html).toContain('value="菊池 次郎"');
    expect(html).toContain('value="1948-03-03"');
    const res = await save(id, token, { version, name: '菊池 次郎', name_kana: 'きくち じろう', birth_date: '1948-03-03', phone: '090-1234-5678' });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/persons/${id}`);
    const row = await t.db('persons').where({ id }).first();
    expect(row).toMatchObject({ name_kana: 'キクチ\u3000ジロウ', kana_key: 'キクチジロウ', phone_digits: '09012345678', version: 2 });
    expect(await t.db('audit_log').where({ action: 'person.update', record_id: String(id) })).toHaveLength(1);
  });

  test('bad input re-renders with 400 and changes nothing', async () => {
    const id = await insertPerson(t.db, { name: '宇土 三郎', name_kana: 'ウト サブロウ' });
    const { token, version } = await openEdit(id);
    const res = await save(id, token, { version, name: '宇土 三郎', name_kana: 'Udo' });
    expect(res.status).toBe(400);
    expect(res.text).toContain(PERSON_MESSAGES.nameKanaChars);
    expect(res.text).toContain('value="Udo"');
    expect((await t.db('persons').where({ id }).first()).version).toBe(1);
  });

  test('a stale save gets the 409 conflict page with both values for every field, and nothing changes', async () => {
    const ward = await wardId(t.db, '北区');
    const id = await insertPerson(t.db, { name: '玉名 花子', name_kana: 'タマナ ハナコ', ward_id: ward, address: '北区1-1' });
    const mine = await openEdit(id);
    const theirs = await openEdit(id);
    const sex = await codeId(t.db, 'sex', '女性');
    const first = await save(id, theirs.token, { version: theirs.version, name: '玉名 花子', name_kana: 'タマナ ハナコ', ward_id: String(ward), address: '北区2-2（転居）' });
    expect(first.status).toBe(303);
    const saved = await t.db('persons').where({ id }).first();

    const res = await save(id, mine.token, { version: mine.version, name: '玉名 華子', name_kana: 'タマナ ハナコ', ward_id: String(ward), address: '北区1-1', sex_id: String(sex) });
    expect(res.status).toBe(409);
    expect(await t.db('persons').where({ id }).first()).toEqual(saved);
    expect(res.text).toContain('他の人が先に更新しました');
    const rows = [...res.text.matchAll(/<tr( class="changed")?><th scope="row">([^<]+)<\/th><td>([^<]*)<\/td><td>([^<]*)<\/td><\/tr>/g)]
      .map((m) => ({ changed: Boolean(m[1]), label: m[2], mine: m[3], theirs: m[4] }));
    expect(rows).toHaveLength(17); // every field
    expect(rows.find((r) => r.label === '氏名')).toEqual({ changed: true, label: '氏名', mine: '玉名 華子', theirs: '玉名 花子' });
    expect(rows.find((r) => r.label === '住所')).toEqual({ changed: true, label: '住所', mine: '北区1-1', theirs: '北区2-2（転居）' });
    expect(rows.find((r) => r.label === '性別')).toEqual({ changed: true, label: '性別', mine: '女性', theirs: '' });
    expect(rows.find((r) => r.label === '区')).toEqual({ changed: false, label: '区', mine: '北区', theirs: '北区' });
    // the re-apply form holds what was typed, with the saved version
    expect(res.text).toContain('value="玉名 華子"');
    expect(res.text).toContain(`name="version" value="${saved.version}"`);
    const again = await save(id, csrfFrom(res.text), { version: String(saved.version), name: '玉名 華子', name_kana: 'タマナ ハナコ', ward_id: String(ward), address: '北区2-2（転居）', sex_id: String(sex) });
    expect(again.status).toBe(303);
    expect(await t.db('persons').where({ id }).first()).toMatchObject({ name: '玉名 華子', sex_id: sex, version: saved.version + 1 });
  });

  test('a merged record cannot be edited; a save on it gets the conflict page', async () => {
    const survivor = await insertPerson(t.db, { name: '天草 一', name_kana: 'アマクサ ハジメ' });
    const id = await insertPerson(t.db, { name: '天草 一', name_kana: 'アマクサ ハジメ' });
    const { token, version } = await openEdit(id);
    await t.db('persons').where({ id }).update({ merged_into_id: survivor, merged_at: new Date(), version: 2 });
    const edit = await staff.agent.get(`/persons/${id}/edit`);
    expect(edit.status).toBe(303);
    const res = await save(id, token, { version, name: '天草 一', name_kana: 'アマクサ ハジメ', address: '新しい住所' });
    expect(res.status).toBe(409);
    expect(res.text).toContain(`href="/persons/${survivor}"`);
    expect((await t.db('persons').where({ id }).first()).address).toBeNull();
  });
});
