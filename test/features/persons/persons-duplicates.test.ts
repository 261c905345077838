/**
 * Possible duplicates beyond the exact kana: the same 氏名, and kana that differ only in long
 * vowels, small kana, voiced marks, spaces or width — on create, on edit, on the merge page and
 * in the kana search. Staff decide: the form lists each candidate and why; nothing is merged.
 */
import { useTestApp } from '../../helpers/suite';
import { postForm } from '../../helpers/agent';
import { MATCH_REASON_LABELS } from '../../../src/features/persons/persons-duplicates';
import { kanaMatchKey, kanaSearchKey } from '../../../src/lib/kana';
import { PERSON_MESSAGES } from '../../../src/features/persons/persons-form';
import { personForm } from './person-factory';
import { insertPerson } from '../../helpers/factories';

const t = useTestApp();
const staff = t.user('staff');

const create = (v: Record<string, string>) => postForm(staff.agent, '/persons', personForm(v), '/persons/new');
const countPersons = async () => Number((await t.db('persons').count({ n: '*' }))[0].n);
/** The candidate list items of a page: each link's id and the reasons shown after it. */
const candidatesIn = (html: string) => [...html.matchAll(/<li><a href="\/persons\/(\d+)" target="_blank" rel="noopener">[^<]*<\/a>[\s\S]*?<span class="match-reasons">（一致：(.*?)）<\/span><\/li>/g)]
  .map((m) => ({ id: Number(m[1]), reasons: m[2] }));

describe('on create', () => {
  test('the issue: 熊本 太郎 / クマモトタロー / S20.4.1 beside 熊本 太郎 / クマモトタロウ: 409 with the candidate and why; stored only when confirmed', async () => {
    const existing = await insertPerson(t.db, { name: '熊本 太郎', name_kana: 'クマモトタロウ', birth_date: '1945-04-01' });
    const before = await countPersons();
    const body = { name: '熊本 太郎', name_kana: 'クマモトタロー', birth_date: 'S20.4.1' };
    const res = await create(body);
    expect(res.status).toBe(409);
    expect(candidatesIn(res.text)).toEqual([{ id: existing, reasons: `${MATCH_REASON_LABELS.kanaLoose}・${MATCH_REASON_LABELS.name}` }]);
    expect(res.text).toContain(PERSON_MESSAGES.duplicate);
    expect(res.text).toContain('value="クマモトタロー"');
    expect(await countPersons()).toBe(before);
    expect((await create({ ...body, confirm_distinct: '1' })).status).toBe(303);
    expect(await countPersons()).toBe(before + 1);
  });

  test.each([
    ['the same 氏名 with an unrelated kana', { name: '山鹿　一郎', name_kana: 'ヤマガ イチロウ' }, { name: '山鹿一郎', name_kana: 'サンロク イチロウ' }, [MATCH_REASON_LABELS.name]],
    ['small kana and voiced marks (half-width typed)', { name: '城 譲二', name_kana: 'ジョウ ジョウジ' }, { name: '城 丈二', name_kana: 'ｼﾞﾖｳ ｼﾖｰｼ' }, [MATCH_REASON_LABELS.kanaLoose]],
    ['オウ / オー / オオ', { name: '大野 光一', name_kana: 'オオノ コウイチ' }, { name: '大埜 孝一', name_kana: 'おーの こーいち' }, [MATCH_REASON_LABELS.kanaLoose]],
    ['the exact kana (hiragana, spaces), as before', { name: '宇土 花', name_kana: 'ウト ハナ' }, { name: '宇土 華', name_kana: 'うとはな' }, [MATCH_REASON_LABELS.kana]],
  ])('%s is a candidate', async (_label, stored, typed, reasons) => {
    const id = await insertPerson(t.db, { ...stored, birth_date: '1950-06-07' });
    const res = await create({ ...typed, birth_date: '1950-06-07' });
    expect(res.status).toBe(409);
    expect(candidatesIn(res.text)).toEqual([{ id, reasons: reasons.join('・') }]);
  });

  test.each([
    ['a different length (小野 / 大野)', { name: '小野 守', name_kana: 'オノ マモル' }, { name: '大野 守', name_kana: 'オオノ マモル' }, '1951-01-01', '1951-01-01'],
    ['a different consonant', { name: '木村 守', name_kana: 'キムラ マモル' }, { name: '木倉 守', name_kana: 'キクラ マモル' }, '1951-01-02', '1951-01-02'],
    ['the same person on another birth date', { name: '熊本 守', name_kana: 'クマモト マモル' }, { name: '熊本 守', name_kana: 'クマモト マモル' }, '1951-01-03', '1951-01-04'],
  ])('%s is not a candidate', async (_label, stored, typed, storedBirth, typedBirth) => {
    await insertPerson(t.db, { ...stored, birth_date: storedBirth });
    expect((await create({ ...typed, birth_date: typedBirth })).status).toBe(303);
  });

  test('a record merged away is never a candidate', async () => {
    const kept = await insertPerson(t.db, { name: '玉名 一', name_kana: 'タマナ ハジメ', birth_date: '1952-02-02' });
    const gone = await insertPerson(t.db, { name: '玉名 一', name_kana: 'タマナ ハジメー', birth_date: '1952-02-02' });
    await t.db('persons').where({ id: gone }).update({ merged_into_id: kept, merged_at: new Date() });
    const res = await create({ name: '玉名 一', name_kana: 'タマナ ハジメ', birth_date: '1952-02-02' });
    expect(candidatesIn(res.text).map((c) => c.id)).toEqual([kept]);
  });
});

describe('on edit', () => {
  const edit = async (id: number, v: Record<string, string>) => {
    const row = await t.db('persons').where({ id }).first();
    return postForm(staff.agent, `/persons/${id}`, personForm({ name: row.name, name_kana: row.name_kana, birth_date: row.birth_date ?? '', version: String(row.version), ...v }), `/persons/${id}/edit`);
  };

  test('an edit that makes the record match another: 409 with the candidate, nothing saved; saved when confirmed', async () => {
    const other = await insertPerson(t.db, { name: '八代 亮', name_kana: 'ヤツシロ リョウ', birth_date: '1960-03-03' });
    const mine = await insertPerson(t.db, { name: '八代 亮', name_kana: 'ヤツシロ アキラ', birth_date: '1960-03-04' });
    const res = await edit(mine, { birth_date: '1960-03-03', name_kana: 'ヤッシロ リヨー' });
    expect(res.status).toBe(409);
    expect(candidatesIn(res.text)).toEqual([{ id: other, reasons: `${MATCH_REASON_LABELS.kanaLoose}・${MATCH_REASON_LABELS.name}` }]);
    expect(res.text).toContain('別人として保存する');
    expect(res.text).toContain('value="ヤッシロ リヨー"');
    expect(await t.db('persons').where({ id: mine }).first()).toMatchObject({ birth_date: '1960-03-04', version: 1 });
    const confirmed = await edit(mine, { birth_date: '1960-03-03', name_kana: 'ヤッシロ リヨー', confirm_distinct: '1' });
    expect(confirmed.status).toBe(303);
    expect(await t.db('persons').where({ id: mine }).first()).toMatchObject({ birth_date: '1960-03-03', version: 2 });
  });

  test('an edit of other fields of a record already shown beside its look-alike is not asked again', async () => {
    await insertPerson(t.db, { name: '天草 修', name_kana: 'アマクサ オサム', birth_date: '1961-04-04' });
    const mine = await insertPerson(t.db, { name: '天草 修', name_kana: 'アマクサ オサム', birth_date: '1961-04-04' });
    expect((await edit(mine, { phone: '096-328-2111' })).status).toBe(303);
  });
});

test('the merge page lists the loose candidates with why', async () => {
  const a = await insertPerson(t.db, { name: '菊池 弘', name_kana: 'キクチ ヒロシ', birth_date: '1962-05-05' });
  const b = await insertPerson(t.db, { name: '菊池 弘', name_kana: 'ｷｸﾁﾋﾛｼﾞ', birth_date: '1962-05-05' });
  const res = await staff.agent.get(`/persons/${a}/merge`);
  expect(res.status).toBe(200);
  expect(res.text).toContain(`href="/persons/${a}/merge?other_id=${b}"`);
  expect(res.text).toContain(`（一致：${MATCH_REASON_LABELS.kanaLoose}・${MATCH_REASON_LABELS.name}）`);
});

test('the kana search finds other spellings of the reading (long vowel, small kana, voiced marks), and by prefix', async () => {
  const id = await insertPerson(t.db, { name: '荒尾 譲', name_kana: 'アラオ ジョウタロウ', birth_date: '1963-06-06' });
  for (const typed of ['アラオジョータロー', 'あらお じよう', 'ｱﾗｵ ｼｮｳ', 'アラオ']) {
    const res = await staff.agent.get(`/persons?kana=${encodeURIComponent(typed)}`);
    expect([typed, res.status, res.text.includes(`href="/persons/${id}"`)]).toEqual([typed, 200, true]);
  }
  const none = await staff.agent.get(`/persons?kana=${encodeURIComponent('アラオジヨタロ')}`);
  expect(none.text).not.toContain(`href="/persons/${id}"`);
});

test('a kana search over several pages shows every hit once, one reading\'s spellings together, and nothing else', async () => {
  const spellings = ['サトウ ハナ', 'サトー ハナ', 'ザトウ ハナ', 'さとお はな', 'サトウ バナ', 'サトウ ハナコ', 'サトウハナ'];
  const rows = Array.from({ length: 130 }, (_, i) => ({ name: `佐藤 ${i}`, name_kana: spellings[i % spellings.length] }));
  const hits = [];
  for (const r of rows) hits.push({ id: await insertPerson(t.db, r), kana: r.name_kana });
  for (const other of ['サト ハナ', 'サトウ ヒナ', 'サイトウ ハナ']) await insertPerson(t.db, { name: '別人', name_kana: other });
  const keyOf = (kana: string) => [kanaMatchKey(kana), kanaSearchKey(kana)];
  const expected = [...hits].sort((a, b) => {
    const [x, y] = [keyOf(a.kana), keyOf(b.kana)];
    return x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : a.id - b.id;
  }).map((h) => h.id);
  const seen: number[] = [];
  let url: string | null = `/persons?kana=${encodeURIComponent('サトーハ')}`;
  while (url) {
    const res = await staff.agent.get(url);
    expect(res.status).toBe(200);
    const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(res.text)?.[1] ?? '';
    seen.push(...[...body.matchAll(/<a href="\/persons\/(\d+)">/g)].map((m) => Number(m[1])));
    const next = /<a href="([^"]+)" rel="next">/.exec(res.text);
    url = next ? next[1].replace(/&amp;/g, '&') : null;
  }
  expect(seen).toEqual(expected);
});
