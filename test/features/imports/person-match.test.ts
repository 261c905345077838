/**
 * Imports link a row to a person only on the exact kana + birth date, as before; a row whose kana
 * only nearly matches (long vowel, small kana, voiced mark), or whose 氏名 matches, a stored
 * person or an earlier row's is shown in the preview as a row to confirm, and makes a new person.
 */
import { useTestApp } from '../../helpers/suite';
import { Agent, csrfFrom } from '../../helpers/agent';
import { looseRowMatch, looseStoredMatch } from '../../../src/features/imports/import-persons';
import { MATCH_REASON_LABELS as R } from '../../../src/features/persons/persons-duplicates';
import { ledger, row } from '../petitions-outputs/import-fixtures';
import { insertPerson } from '../../helpers/factories';

const t = useTestApp();
const staff = t.user('staff');
const PATH = '/petitions/import';

async function upload(a: Agent, bytes: Buffer) {
  const token = csrfFrom((await a.get(PATH)).text);
  return a.post(PATH).field('_csrf', token).attach('file', bytes, { filename: 'petitions.csv', contentType: 'text/csv' });
}
/** The rows of the 確認が必要な行 table: row number and its notes. */
const warningsIn = (html: string) => {
  const table = /<table class="data-table" id="row-warnings">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
  return [...table.matchAll(/<th scope="row">行(\d+)<\/th><td><ul>([\s\S]*?)<\/ul><\/td>/g)]
    .map((m) => ({ row: Number(m[1]), notes: [...m[2].matchAll(/<li>([^<]*)<\/li>/g)].map((n) => n[1]) }));
};
const personOf = async (petitionId: number) => (await t.db('petitions').where({ id: petitionId }).first('person_id')).person_id as number;

test('exact matches link silently; loose matches with a stored person or an earlier row are rows to confirm, and make new persons', async () => {
  const taro = await insertPerson(t.db, { name: '熊本 太郎', name_kana: 'クマモト タロウ', birth_date: '1945-04-01' });
  const res = await upload(staff.agent, ledger([
    row({ 氏名: '熊本 太郎', 氏名カナ: 'クマモト タロー', 生年月日: 'S20.4.1' }), // row 2: loose, and the same 氏名
    row({ 氏名: '熊本 太郎', 氏名カナ: 'ｸﾏﾓﾄﾀﾛｳ', 生年月日: '1945-04-01' }), // row 3: exact (width, spaces): links
    row({ 氏名: '阿蘇 花子', 氏名カナ: 'アソ ハナコ', 生年月日: '1950-01-01' }), // row 4: new
    row({ 氏名: '阿蘇 華子', 氏名カナ: 'アソ ハナゴ', 生年月日: '1950-01-01' }), // row 5: loose with row 4
    row({ 氏名: '阿蘇 花子', 氏名カナ: 'あそ はなこ', 生年月日: '1950-01-01' }), // row 6: exact with row 4
    row({ 氏名: '玉名 一', 氏名カナ: 'タマナ ハジメ', 生年月日: '1945-04-01' }), // row 7: born the same day, nothing alike
  ]));
  expect(res.status).toBe(200);
  expect(warningsIn(res.text).map((w) => w.row)).toEqual([2, 5]);
  expect(warningsIn(res.text)).toEqual([
    { row: 2, notes: [looseStoredMatch(taro, 'クマモト タロウ', `${R.kanaLoose}・${R.name}`)] },
    { row: 5, notes: [looseRowMatch(4, R.kanaLoose)] },
  ]);
  expect(res.text).toContain('確認が必要な行</dt><dd>2行（取り込みます）');

  const m = /<form method="post" action="(\/petitions\/import\/\d+)">\s*<input type="hidden" name="_csrf" value="([^"]+)">/.exec(res.text)!;
  const before = await t.db('petitions').max({ id: 'id' }).first();
  expect((await staff.agent.post(m[1]).type('form').send({ _csrf: m[2] })).status).toBe(303);
  const ids: number[] = await t.db('petitions').where('id', '>', before?.id ?? 0).orderBy('id').pluck('id');
  const people = await Promise.all(ids.map(personOf));
  expect(people[0]).not.toBe(taro); // loose: a new person, never linked silently
  expect(people[1]).toBe(taro); // exact: linked
  expect(people[3]).not.toBe(people[2]);
  expect(people[4]).toBe(people[2]);
  expect(new Set(people).size).toBe(5);
});

test('a row that matches a stored person exactly gets no note, even beside a look-alike', async () => {
  await insertPerson(t.db, { name: '人吉 誠', name_kana: 'ヒトヨシ マコト', birth_date: '1947-07-07' });
  await insertPerson(t.db, { name: '人吉 誠', name_kana: 'ヒトヨシ マコトー', birth_date: '1947-07-07' });
  const res = await upload(staff.agent, ledger([row({ 氏名: '人吉 誠', 氏名カナ: 'ヒトヨシ マコト', 生年月日: '1947-07-07' })]));
  expect(res.status).toBe(200);
  expect(warningsIn(res.text)).toEqual([]);
});
