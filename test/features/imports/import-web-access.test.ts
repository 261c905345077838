import { useTestApp } from '../../helpers/suite';
import { csrfFrom } from '../../helpers/agent';
import { IMPORT_PATH, confirmFormOf, upload } from './web';
import { goodCsv, utf8Bom } from './fixtures';

const t = useTestApp();
const staff = t.user('staff');

const PATH = IMPORT_PATH;
const count = async (table = 'consultations') => Number((await t.db(table).count({ n: '*' }))[0].n);

test('another user cannot confirm my batch (404, audited); I still can', async () => {
  const mine = await upload(staff.agent, utf8Bom(goodCsv()));
  const { action, batchId } = confirmFormOf(mine.text);
  const other = await t.login('staff');
  const before = await count();
  const token = csrfFrom((await other.agent.get(PATH)).text);
  const res = await other.agent.post(action).type('form').send({ _csrf: token });
  expect(res.status).toBe(404);
  expect(await count()).toBe(before);
  expect(await t.db('import_batches').where({ id: batchId })).toHaveLength(1);
  expect(await t.db('audit_log').where({ action: 'access.denied', record_type: 'import_batch', record_id: batchId, actor_id: other.id })).toHaveLength(1);
  const ok = await staff.agent.post(action).type('form').send({ _csrf: csrfFrom((await staff.agent.get(PATH)).text) });
  expect(ok.status).toBe(303);
  expect(await count()).toBe(before + 4);
});

test('a batch older than two hours is refused and cleaned up', async () => {
  const now = t.clock.now();
  const rows = JSON.stringify([{ row: 2, cells: { 相談日: '2023-04-01', 相談種別: '制度説明', 相談方法: '', 相談者: '', 区: '', 内容: '', 対応: '' } }]);
  const [old] = await t.db('import_batches').insert({ kind: 'consultations', user_id: staff.id, rows, created_at: new Date(now.getTime() - 2 * 3600_000 - 60_000) }).returning('id');
  const before = await count();
  const res = await staff.agent.post(`${PATH}/${old.id}`).type('form').send({ _csrf: csrfFrom((await staff.agent.get(PATH)).text) });
  expect(res.status).toBe(303);
  expect(res.headers.location).toBe(PATH);
  expect((await staff.agent.get(PATH)).text).toContain('2時間以上たったため');
  expect(await count()).toBe(before);
  expect(await t.db('import_batches').where({ id: old.id })).toHaveLength(0);
});

test('a multipart upload without _csrf is refused with 403 and stores no batch', async () => {
  const batches = await count('import_batches');
  const res = await staff.agent.post(PATH).attach('file', utf8Bom(goodCsv()), { filename: 'ledger.csv', contentType: 'text/csv' });
  expect(res.status).toBe(403);
  expect(await count('import_batches')).toBe(batches);
});

test.each(['ward', 'manager', 'admin'] as const)('%s users are refused (403) on the page, the upload and the confirm', async (role) => {
  const { agent: a } = await t.login(role);
  expect((await a.get(PATH)).status).toBe(403);
  const token = csrfFrom((await a.get('/account/password')).text);
  const before = await count('import_batches');
  expect((await a.post(PATH).field('_csrf', token).attach('file', utf8Bom(goodCsv()), 'ledger.csv')).status).toBe(403);
  expect(await count('import_batches')).toBe(before);
  expect((await a.post(`${PATH}/1`).type('form').send({ _csrf: token })).status).toBe(403);
  expect((await a.get('/')).text).not.toContain('相談記録の取り込み');
});
