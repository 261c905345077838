import { createTestApp, TestApp } from '../../helpers/app';
import { makeUser } from '../../helpers/factories';
import { Agent, csrfFrom, loginAs } from '../../helpers/agent';
import { importRows } from '../../../src/features/imports/import-pipeline';
import { petitionsImport } from '../../../src/features/petitions/outputs/petitions-import';
import { PETITION_MESSAGES as P } from '../../../src/features/petitions/record/petitions-schema';
import { HEADER, ledger, row } from './import-fixtures';

const PATH = '/petitions/import';
let t: TestApp;
let staff: { id: number; username: string };
let agent: Agent;
beforeAll(async () => {
  t = await createTestApp();
  staff = await makeUser(t.db, { role: 'staff' });
  agent = await loginAs(t.app, staff.username);
});
afterAll(async () => { await t.close(); });

const count = async (table: string) => Number((await t.db(table).count({ n: '*' }))[0].n);
const counts = async () => ({ persons: await count('persons'), petitions: await count('petitions'), stages: await count('petition_stages') });

async function upload(a: Agent, bytes: Buffer) {
  const token = csrfFrom((await a.get(PATH)).text);
  return a.post(PATH).field('_csrf', token).attach('file', bytes, { filename: 'petitions.csv', contentType: 'text/csv' });
}
function confirmFormOf(html: string): { action: string; token: string; batchId: string } {
  const m = html.match(/<form method="post" action="(\/petitions\/import\/(\d+))">\s*<input type="hidden" name="_csrf" value="([^"]+)">/);
  if (!m) throw new Error('no confirm form');
  return { action: m[1], batchId: m[2], token: m[3] };
}

test('the upload page lists the petitions columns; the home menu links to it', async () => {
  const res = await agent.get(PATH);
  expect(res.status).toBe(200);
  for (const c of HEADER) expect(res.text).toContain(`<th scope="row">${c}</th>`);
  expect(res.text).toContain('市長申立ての取り込み');
  expect((await agent.get('/')).text).toContain(`href="${PATH}"`);
});

test('upload → preview → import all: stored with the importing user, flashed, audited, the batch gone', async () => {
  const before = await counts();
  const res = await upload(agent, ledger([
    row({ 根拠法: '老人福祉法', 類型: '後見', 相談受付日: 'R5.4.3', 申立日: 'R5.9.1', 事件番号: '令和5年(家)第77号' }),
    row({ 氏名: '阿蘇 次郎', 氏名カナ: 'アソ ジロウ', 生年月日: '1955-03-03', 区: '中央区' }),
  ]));
  expect(res.status).toBe(200);
  expect(res.text).toContain('すべて取り込む（2件）');
  expect(res.text).toContain('8 家裁申立てまで（うち6段階は日付不明）');
  expect(res.text).toContain('なし（相談受付から）');
  expect(res.text).toContain('令和5年(家)第77号');
  expect(await counts()).toEqual(before);
  const { action, token, batchId } = confirmFormOf(res.text);
  const done = await agent.post(action).type('form').send({ _csrf: token });
  expect(done.status).toBe(303);
  expect(done.headers.location).toBe('/petitions');
  expect((await agent.get('/')).text).toContain('2件を取り込みました');
  expect(await counts()).toEqual({ persons: before.persons + 2, petitions: before.petitions + 2, stages: before.stages + 8 });
  const stored = await t.db('petitions').orderBy('id').offset(before.petitions);
  expect(stored.map((p) => p.created_by)).toEqual([staff.id, staff.id]);
  expect(await t.db('petition_stages').whereIn('petition_id', stored.map((p) => p.id)).distinct('recorded_by').pluck('recorded_by')).toEqual([staff.id]);
  expect(await t.db('audit_log').where({ action: 'import.petitions', record_type: 'import_batch', record_id: batchId, actor_id: staff.id })).toHaveLength(1);
  expect(await t.db('import_batches').where({ id: batchId })).toHaveLength(0);
});

test('bad rows: 400, every reason with its row number, no confirm button, nothing stored', async () => {
  const before = await counts();
  const res = await upload(agent, ledger([row(), row({ 類型: '任意後見' }), row({ 決裁日: '2024-02-01', 申立日: '2024-01-31' })]));
  expect(res.status).toBe(400);
  expect(res.text).toContain('<th scope="row">行3</th>');
  expect(res.text).toContain(`${P.type_sought_id}（類型「任意後見」）`);
  expect(res.text).toContain('<th scope="row">行4</th>');
  expect(res.text).not.toContain('すべて取り込む');
  expect(await counts()).toEqual(before);
});

test('a failure after the inserts rolls back the persons, petitions and stages too', async () => {
  const before = await counts();
  const cellsOf = (r: string[]) => Object.fromEntries(HEADER.map((h, i) => [h, r[i]]));
  const rows = [2, 3].map((n) => ({ row: n, cells: cellsOf(row({ 氏名カナ: `ロールバック${'ア'.repeat(n)}`, 申立日: '2024-01-31' })) }));
  await expect(importRows(t.db, petitionsImport, rows, { userId: null, now: new Date() }, async () => { throw new Error('audit failed'); })).rejects.toThrow('audit failed');
  expect(await counts()).toEqual(before);
});

test.each(['ward', 'manager', 'admin'] as const)('a %s user may not import (403)', async (role) => {
  const u = await makeUser(t.db, { role });
  const a = await loginAs(t.app, u.username);
  expect((await a.get(PATH)).status).toBe(403);
});
