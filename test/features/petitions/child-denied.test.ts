/**
 * Issue 13 S10: a ward user reaching for another ward's relative through one of their own
 * petitions (/petitions/<mine>/relatives/<theirs>/…) gets the same 404 as for a missing one, and
 * the attempt is audited as petition.denied on the petition the relative belongs to, like a direct
 * attempt on that petition. A mistyped path within their own ward is no denial.
 */
import { useTestApp } from '../../helpers/suite';
import { csrfFrom } from '../../helpers/agent';
import { audits, insertRelative, petitionIn } from './petition-factory';

const t = useTestApp();
const east = t.user('ward', { ward: '東区' });
const staff = t.user('staff');

let mine: number;
let otherEast: number;
let west: number;
let westRelative: number;
let eastRelative: number;
beforeAll(async () => {
  mine = (await petitionIn(t.db, '東区')).id;
  otherEast = (await petitionIn(t.db, '東区', { kana: 'ヒガシ ハナコ' })).id;
  west = (await petitionIn(t.db, '西区', { kana: 'ニシ ハナコ' })).id;
  westRelative = await insertRelative(t.db, west, '西 一郎');
  eastRelative = await insertRelative(t.db, otherEast, '東 一郎');
});

const denied = (userId: number) => t.db('audit_log').where({ action: 'petition.denied', actor_id: userId }).orderBy('id').select('record_type', 'record_id');

/** The three relative routes, each under `petition` for relative `rel`, with a real CSRF token. */
async function tryAll(agent: typeof east.agent, petition: number, rel: number): Promise<number[]> {
  const token = csrfFrom((await agent.get(`/petitions/${mine}`)).text);
  const form = { _csrf: token, rel_name: '書き換え', rel_relation: '長男', rel_degree: '1', rel_enquiry_on: '', rel_reply: '', rel_reply_on: '', version: '1' };
  return [
    (await agent.get(`/petitions/${petition}/relatives/${rel}/edit`)).status,
    (await agent.post(`/petitions/${petition}/relatives/${rel}`).type('form').send(form)).status,
    (await agent.post(`/petitions/${petition}/relatives/${rel}/delete`).type('form').send({ _csrf: token, version: '1' })).status,
  ];
}

test('another ward\'s relative under my own petition: 404 each time, audited on its petition, untouched', async () => {
  const before = (await denied(east.id)).length;
  expect(await tryAll(east.agent, mine, westRelative)).toEqual([404, 404, 404]);
  expect((await denied(east.id)).slice(before)).toEqual(Array(3).fill({ record_type: 'petition', record_id: String(west) }));
  expect(await t.db('petition_relatives').where({ id: westRelative }).first()).toMatchObject({ name: '西 一郎', version: 1 });
  expect(await audits(t.db, 'petition.relative', west)).toHaveLength(0);
});

test('under the other ward\'s petition itself: 404, audited (as before)', async () => {
  const before = (await denied(east.id)).length;
  expect(await tryAll(east.agent, west, westRelative)).toEqual([404, 404, 404]);
  expect((await denied(east.id)).slice(before)).toHaveLength(3);
});

test('my own ward\'s relative under the wrong petition, or no such relative: 404, no denial', async () => {
  const before = (await denied(east.id)).length;
  expect(await tryAll(east.agent, mine, eastRelative)).toEqual([404, 404, 404]);
  expect(await tryAll(east.agent, mine, 999999)).toEqual([404, 404, 404]);
  expect((await denied(east.id)).length).toBe(before);
});

test('center staff see every ward: a mismatched path is a plain 404', async () => {
  expect(await tryAll(staff.agent, mine, westRelative)).toEqual([404, 404, 404]);
  expect(await denied(staff.id)).toHaveLength(0);
});
