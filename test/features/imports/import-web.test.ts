import { useTestApp } from '../../helpers/suite';
import { csrfFrom } from '../../helpers/agent';
import { IMPORT_PATH, confirmFormOf, upload } from './web';
import { cellNote } from '../../../src/features/imports/import-form-check';
import { CONSULTATION_MESSAGES as M } from '../../../src/features/consultations/consultations-schema';
import { HEADER, csv, goodCsv, manyRows, shiftJis, utf8Bom } from './fixtures';

const t = useTestApp();
const staff = t.user('staff');

const PATH = IMPORT_PATH;
const count = async (table = 'consultations') => Number((await t.db(table).count({ n: '*' }))[0].n);

test('the upload page lists the columns with an example and posts multipart with a CSRF field', async () => {
  const res = await staff.agent.get(PATH);
  expect(res.status).toBe(200);
  for (const c of HEADER) expect(res.text).toContain(`<th scope="row">${c}</th>`);
  expect(res.text).toContain('後見人支援/身上保護');
  expect(res.text).toMatch(/<form method="post" action="\/consultations\/import" enctype="multipart\/form-data"[^>]*>\s*<input type="hidden" name="_csrf"/);
  expect((await staff.agent.get('/')).text).toContain('相談記録の取り込み');
});

test('Shift_JIS upload → preview → import all: stored with the importing user, flashed and audited', async () => {
  const before = await count();
  const res = await upload(staff.agent, shiftJis(goodCsv()));
  expect(res.status).toBe(200);
  expect(res.text).toContain('Shift_JIS');
  expect(res.text).toContain('4行');
  expect(res.text).toContain('令和5年4月1日（2023年4月1日）');
  expect(res.text).toContain('後見人支援/財産管理');
  expect(res.text).toContain('すべて取り込む（4件）');
  expect(await count()).toBe(before);
  const { action, token, batchId } = confirmFormOf(res.text);
  const done = await staff.agent.post(action).type('form').send({ _csrf: token });
  expect(done.status).toBe(303);
  expect(done.headers.location).toBe('/consultations');
  expect((await staff.agent.get('/')).text).toContain('4件を取り込みました');
  const rows = await t.db('consultations').orderBy('id').offset(before);
  expect(rows).toHaveLength(4);
  expect(rows.every((r) => r.staff_id === staff.id && r.created_by === staff.id && r.person_id === null)).toBe(true);
  expect(rows.map((r) => r.response)).toEqual(['説明した', null, null, '対応のみ']);
  expect(await t.db('import_batches').where({ id: batchId })).toHaveLength(0);
  const audit = await t.db('audit_log').where({ action: 'import.consultations', record_id: batchId });
  expect(audit).toEqual([expect.objectContaining({ record_type: 'import_batch', actor_id: staff.id })]);
  // a second submit of the same confirmation finds nothing to import
  expect((await staff.agent.post(action).type('form').send({ _csrf: token })).status).toBe(404);
  expect(await count()).toBe(before + 4);
});

test('the preview shows the first 20 rows and the confirm button counts them all', async () => {
  const res = await upload(staff.agent, utf8Bom(csv([HEADER, ...manyRows(30, 'many')])));
  expect(res.status).toBe(200);
  expect(res.text).toContain('30件のうち先頭20件');
  expect(res.text).toContain('many-20');
  expect(res.text).not.toContain('many-21');
  expect(res.text).toContain('すべて取り込む（30件）');
});

test('errors: every bad row listed with its row number, no confirm button, no batch, nothing stored', async () => {
  const batches = await count('import_batches');
  const rows = manyRows(25, 'err');
  rows[3][0] = '2023/2/30';
  rows[24][2] = 'FAX';
  const res = await upload(staff.agent, utf8Bom(csv([HEADER, ...rows, ['2023-04-01', '制度説明', '', '', '', '<script>x</script>', '']])));
  expect(res.status).toBe(400);
  expect(res.text).toContain('誤りのある行が2行あります');
  expect(res.text).toContain('<th scope="row">行5</th>');
  expect(res.text).toContain(`${M.consultedOn}（${cellNote('相談日', '2023/2/30')}）`);
  expect(res.text).toContain('<th scope="row">行26</th>');
  expect(res.text).toContain(`${M.method}（${cellNote('相談方法', 'FAX')}）`);
  expect(res.text).not.toContain('すべて取り込む');
  expect(res.text).not.toMatch(/action="\/consultations\/import\/\d+"/);
  expect(res.text).not.toContain('<script>x</script>');
  expect(await count('import_batches')).toBe(batches);
});

test('a missing required column is reported once; unknown columns are listed as ignored', async () => {
  const missing = await upload(staff.agent, utf8Bom(csv([['相談日', '内容'], ['2023-04-01', 'x']])));
  expect(missing.status).toBe(400);
  expect(missing.text).toContain('必須の列「相談種別」が見出し行にありません');
  expect(missing.text).not.toContain('すべて取り込む');
  const extra = await upload(staff.agent, utf8Bom(csv([['相談日', '相談種別', '備考'], ['2023-04-01', '制度説明', 'x']])));
  expect(extra.status).toBe(200);
  expect(extra.text).toContain('列「備考」は取り込む列ではないため無視します');
});

test('no file chosen: the form again with 400 and the error next to the field', async () => {
  const token = csrfFrom((await staff.agent.get(PATH)).text);
  const res = await staff.agent.post(PATH).field('_csrf', token);
  expect(res.status).toBe(400);
  expect(res.text).toContain('CSVファイルを選択してください');
  expect(res.text).toContain('aria-invalid="true"');
});

test('a master changed between preview and confirm: one bad row among many → nothing stored', async () => {
  const rows = manyRows(40, 'changed');
  rows[17][2] = '訪問';
  const res = await upload(staff.agent, utf8Bom(csv([HEADER, ...rows])));
  const { action, token, batchId } = confirmFormOf(res.text);
  const before = await count();
  const auditBefore = await count('audit_log');
  await t.db('code_entries').where({ list: 'consultation_method', label: '訪問' }).update({ label: '家庭訪問' });
  try {
    const done = await staff.agent.post(action).type('form').send({ _csrf: token });
    expect(done.status).toBe(400);
    expect(done.text).toContain('マスタが変更されたため');
    expect(done.text).toContain('<th scope="row">行19</th>');
    expect(done.text).toContain(`${M.method}（${cellNote('相談方法', '訪問')}）`);
    expect(done.text).not.toContain('すべて取り込む');
    expect(await count()).toBe(before);
    expect(await count('audit_log')).toBe(auditBefore);
    expect(await t.db('import_batches').where({ id: batchId })).toHaveLength(0);
  } finally {
    await t.db('code_entries').where({ list: 'consultation_method', label: '家庭訪問' }).update({ label: '訪問' });
  }
});
