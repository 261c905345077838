import { useTestApp } from '../../helpers/suite';
import { postForm } from '../../helpers/agent';
import { PERSON_MESSAGES } from '../../../src/features/persons/persons-form';
import { personForm } from './person-factory';
import { codeId, insertPerson, wardId } from '../../helpers/factories';

const t = useTestApp();
const staff = t.user('staff');

const create = (v: Record<string, string>) => postForm(staff.agent, '/persons', personForm(v), '/persons/new');
const idFrom = (location: string) => Number(location.match(/^\/persons\/(\d+)$/)?.[1]);
const countPersons = async () => Number((await t.db('persons').count({ n: '*' }))[0].n);

describe('create a person', () => {
  test('a valid form is stored, redirected with a flash, and audited', async () => {
    const ward = await wardId(t.db, '西区');
    const sex = await codeId(t.db, 'sex', '女性');
    const res = await create({
      name: '熊本 花子', name_kana: 'クマモト ハナコ', birth_date: '昭和20年4月1日', sex_id: String(sex), ward_id: String(ward),
      phone: '０９６-３２８-２１１１', living: '在宅', welfare_status: '受給中', notes: 'メモ',
    });
    expect(res.status).toBe(303);
    const id = idFrom(res.headers.location);
    const row = await t.db('persons').where({ id }).first();
    expect(row).toMatchObject({
      name: '熊本 花子', name_kana: 'クマモト\u3000ハナコ', kana_key: 'クマモトハナコ', birth_date: '1945-04-01',
      sex_id: sex, ward_id: ward, phone: '096-328-2111', phone_digits: '0963282111', living: '在宅', welfare_status: '受給中', version: 1,
    });
    const page = await staff.agent.get(res.headers.location);
    expect(page.text).toContain('本人を登録しました。');
    expect(page.text).toContain('昭和20年4月1日（1945年・81歳）');
    const audits = await t.db('audit_log').where({ action: 'person.create', record_type: 'person', record_id: String(id) });
    expect(audits).toHaveLength(1);
  });

  test.each([
    ['ひらがな', 'やまだ　たろう', 'ヤマダ\u3000タロウ', 'ヤマダタロウ'],
    ['半角カナ', 'ﾔﾏﾀﾞ ｼﾞﾛｳ', 'ヤマダ\u3000ジロウ', 'ヤマダジロウ'],
    ['spaces collapsed', '  ヤマダ   サブロウ ', 'ヤマダ\u3000サブロウ', 'ヤマダサブロウ'],
  ])('kana typed as %s is stored as full-width katakana', async (_label, typed, stored, key) => {
    const res = await create({ name: '山田 太郎', name_kana: typed });
    expect(res.status).toBe(303);
    const row = await t.db('persons').where({ id: idFrom(res.headers.location) }).first();
    expect(row.name_kana).toBe(stored);
    expect(row.kana_key).toBe(key);
  });

  test.each([
    ['name missing', { name: '', name_kana: 'ア' }, 'name', '氏名を入力してください'],
    ['name too long', { name: 'あ'.repeat(101), name_kana: 'ア' }, 'name', PERSON_MESSAGES.name],
    ['kana missing', { name: '甲', name_kana: '' }, 'name_kana', '氏名カナを入力してください'],
    ['kana in kanji', { name: '甲', name_kana: '山田' }, 'name_kana', PERSON_MESSAGES.nameKanaChars],
    ['impossible date', { name: '甲', name_kana: 'コウ', birth_date: '2023-02-30' }, 'birth_date', PERSON_MESSAGES.birthDate],
    ['future date', { name: '甲', name_kana: 'コウ', birth_date: '2026-11-28' }, 'birth_date', PERSON_MESSAGES.birthFuture],
    ['short phone', { name: '甲', name_kana: 'コウ', phone: '328-2111' }, 'phone', PERSON_MESSAGES.phone],
    ['unknown ward', { name: '甲', name_kana: 'コウ', ward_id: '999999' }, 'ward_id', PERSON_MESSAGES.select.ward_id],
    ['bad living', { name: '甲', name_kana: 'コウ', living: '病院' }, 'living', PERSON_MESSAGES.living],
  ])('%s: 400, the message next to the field, typed values kept, nothing stored', async (_l, v, field, message) => {
    const before = await countPersons();
    const res = await create(v as Record<string, string>);
    expect(res.status).toBe(400);
    expect(res.text).toContain(`id="${field}-error">${message}</p>`);
    expect(res.text).toContain(`href="#${field}">${message}</a>`);
    expect(res.text).toMatch(new RegExp(`id="${field}"[^>]*aria-invalid="true"`));
    if ((v as Record<string, string>).name_kana) expect(res.text).toContain(`value="${(v as Record<string, string>).name_kana}"`);
    expect(await countPersons()).toBe(before);
  });

  test('a retired code entry is refused (offered only while active)', async () => {
    const care = await codeId(t.db, 'care_level', '要介護3');
    await t.db('code_entries').where({ id: care }).update({ retired_at: new Date() });
    const res = await create({ name: '甲', name_kana: 'コウ', care_level_id: String(care) });
    expect(res.status).toBe(400);
    expect(res.text).toContain(PERSON_MESSAGES.select.care_level_id);
    await t.db('code_entries').where({ id: care }).update({ retired_at: null });
  });
});

describe('duplicate detection', () => {
  test('same kana and birth date: 409 with the candidates; created only with 別人として登録する', async () => {
    const existing = await insertPerson(t.db, { name: '熊本 一郎', name_kana: 'クマモト イチロウ', birth_date: '1950-01-02' });
    const merged = await insertPerson(t.db, { name: '熊本 一郎', name_kana: 'クマモト イチロウ', birth_date: '1950-01-02' });
    await t.db('persons').where({ id: merged }).update({ merged_into_id: existing, merged_at: new Date() });
    const before = await countPersons();
    const body = { name: '熊本 一朗', name_kana: 'くまもといちろう', birth_date: 'S25.1.2', address: '東区' };

    const first = await create(body);
    expect(first.status).toBe(409);
    expect(first.text).toContain(`href="/persons/${existing}"`);
    expect(first.text).not.toContain(`href="/persons/${merged}"`); // merged records are not candidates
    expect(first.text).toContain('別人として登録する');
    expect(first.text).toContain('name="confirm_distinct" value="1"');
    expect(first.text).toContain(PERSON_MESSAGES.duplicate);
    expect(first.text).toContain('value="熊本 一朗"'); // what was typed is still there
    expect(await countPersons()).toBe(before);

    const confirmed = await create({ ...body, confirm_distinct: '1' });
    expect(confirmed.status).toBe(303);
    expect(await countPersons()).toBe(before + 1);
  });

  test('same kana with a different birth date is not a duplicate', async () => {
    await insertPerson(t.db, { name: '阿蘇 太郎', name_kana: 'アソ タロウ', birth_date: '1940-05-05' });
    const res = await create({ name: '阿蘇 太郎', name_kana: 'アソ タロウ', birth_date: '1940-05-06' });
    expect(res.status).toBe(303);
  });
});
