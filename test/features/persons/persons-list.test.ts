import { useTestApp } from '../../helpers/suite';
import { personColumns } from '../../../src/features/persons/persons-queries';
import { SEARCH_MESSAGES } from '../../../src/features/persons/persons-list-routes';
import { PersonValues } from '../../../src/features/persons/persons-fields';
import { insertPerson, wardId } from '../../helpers/factories';

const t = useTestApp();
const staff = t.user('staff');

const idsOn = (html: string) => [...(html.match(/<tbody>([\s\S]*?)<\/tbody>/)?.[1] ?? '').matchAll(/href="\/persons\/(\d+)"/g)].map((m) => Number(m[1]));
const nextOf = (html: string) => html.match(/<a href="([^"]+)" rel="next">次の50件<\/a>/)?.[1].replace(/&amp;/g, '&');

const KANA = 'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンガギグゲゴヴ';
let seed = 7;
const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
const randomKana = () => Array.from({ length: 2 + rnd(5) }, () => KANA[rnd(KANA.length)]).join('') + (rnd(2) ? ' ' : '') + KANA[rnd(KANA.length)];

describe('the person list', () => {
  test('keyset pages of 50 return every unmerged person exactly once, in kana order, with no OFFSET', async () => {
    const rows: (PersonValues & { kana_key: string })[] = [];
    for (let i = 0; i < 230; i++) {
      // 60 share one kana (more than a page, so a tie on kana_key must cross a page boundary);
      // among the rest every tenth shares its kana with the previous one
      const kana = i < 60 ? 'タカハシ ハナコ' : i % 10 === 9 ? rows[i - 1].name_kana : randomKana();
      rows.push(personColumns({ name: `本人${i}`, name_kana: kana, birth_date: null, sex_id: null, ward_id: null, address: null, phone: null, condition_id: null, handbook_type_id: null, handbook_grade: null, care_level_id: null, living: null, welfare_status: null, guardianship_type_id: null, guardian_name: null, guardian_relation_id: null, notes: null }));
    }
    await t.db('persons').del();
    const inserted: { id: number; kana_key: string }[] = await t.db('persons').insert(rows).returning(['id', 'kana_key']);
    const mergedAway = inserted[3].id;
    await t.db('persons').where({ id: mergedAway }).update({ merged_into_id: inserted[4].id, merged_at: new Date() });
    const expected = inserted.filter((r) => r.id !== mergedAway)
      .sort((x, y) => (x.kana_key < y.kana_key ? -1 : x.kana_key > y.kana_key ? 1 : x.id - y.id)).map((r) => r.id);

    const sql: string[] = [];
    const listen = (q: { sql: string }) => sql.push(q.sql);
    t.db.on('query', listen);
    const seen: number[] = [];
    let url: string | undefined = '/persons';
    let pages = 0;
    try {
      while (url) {
        const res = await staff.agent.get(url);
        expect(res.status).toBe(200);
        const ids = idsOn(res.text);
        expect(ids.length).toBe(url === '/persons' || nextOf(res.text) ? 50 : expected.length % 50);
        seen.push(...ids);
        url = nextOf(res.text);
        pages++;
      }
    } finally {
      t.db.removeListener('query', listen);
    }
    expect(pages).toBe(5);
    expect(seen).toEqual(expected);
    expect(sql.some((s) => /\boffset\b/i.test(s))).toBe(false);
    expect(sql.some((s) => /from "persons"/i.test(s))).toBe(true);
  });

  test('searches by kana prefix (hiragana or half-width), birth date in 和暦, ward and phone; shows 和暦 and age', async () => {
    const ward = await wardId(t.db, '中央区');
    const a = await insertPerson(t.db, { name: '水前寺 清子', name_kana: 'スイゼンジ キヨコ', birth_date: '1945-10-09', ward_id: ward, phone: '096-123-4567' });
    const b = await insertPerson(t.db, { name: '水俣 太郎', name_kana: 'ミナマタ タロウ', birth_date: '1945-10-09', phone: '0968-00-0000' });
    const c = await insertPerson(t.db, { name: '水前寺 一', name_kana: 'スイゼンジ ハジメ', birth_date: '1960-01-01' });
    const search = async (q: string) => idsOn((await staff.agent.get(`/persons?${q}`)).text).sort();
    expect(await search(`kana=${encodeURIComponent('すいぜんじ')}`)).toEqual([a, c].sort());
    expect(await search(`kana=${encodeURIComponent('ｽｲｾﾞﾝｼﾞ ｷ')}`)).toEqual([a]);
    expect(await search(`birth=${encodeURIComponent('S20.10.9')}`)).toEqual([a, b].sort());
    expect(await search(`ward_id=${ward}`)).toEqual([a]);
    expect(await search(`phone=${encodeURIComponent('０９６８－００－００００')}`)).toEqual([b]);
    const page = await staff.agent.get(`/persons?kana=${encodeURIComponent('スイゼンジキ')}`);
    expect(page.text).toContain('昭和20年10月9日（1945年・81歳）');
    expect(page.text).toContain('中央区');
  });

  test('a search that cannot be understood says so with 400', async () => {
    const res = await staff.agent.get(`/persons?kana=${encodeURIComponent('山田')}&birth=2023-02-30`);
    expect(res.status).toBe(400);
    expect(res.text).toContain(SEARCH_MESSAGES.kana);
    expect(res.text).toContain(SEARCH_MESSAGES.birth);
  });

  test('each list page is audited without the search terms', async () => {
    const before = await t.db('audit_log').where({ action: 'person.search' }).count({ n: '*' });
    await staff.agent.get(`/persons?kana=${encodeURIComponent('テスト')}`);
    const rows = await t.db('audit_log').where({ action: 'person.search' }).orderBy('id', 'desc').select('*');
    expect(rows.length).toBe(Number(before[0].n) + 1);
    expect(JSON.stringify(rows[0])).not.toContain('テスト');
  });
});
