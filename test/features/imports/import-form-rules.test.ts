import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { useTestDatabase } from '../../helpers/suite';
import { cliContext } from '../../helpers/cli';
import { importCommands } from '../../../src/cli/import-command';
import { CONSULTATION_MESSAGES as M } from '../../../src/features/consultations/consultations-schema';
import { cellNote } from '../../../src/features/imports/import-form-check';
import { HEADER, csv, utf8 } from './fixtures';

/**
 * Issue 14 (2): a consultations ledger row is refused exactly when the consultation form would
 * refuse it, with the form's message, the row number and the cell (the clock: 2026-11-27).
 */
const t = useTestDatabase();
let dir: string;
beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-import-rules-')); });
afterAll(() => { fs.rmSync(dir, { recursive: true, force: true }); });

let n = 0;
async function run(rows: string[][]) {
  const file = path.join(dir, `ledger-${++n}.csv`);
  fs.writeFileSync(file, utf8(csv([HEADER, ...rows])));
  const out: string[] = [];
  const err: string[] = [];
  const code = await importCommands.import.run(['consultations', file], cliContext(t.db, (s) => out.push(s), (s) => err.push(s)));
  return { code, out, rowErrors: err.filter((l) => l.startsWith('行')) };
}
const count = async () => Number((await t.db('consultations').count({ n: '*' }))[0].n);
const good = (marker: string) => ['2026-11-27', '制度説明', '電話', '本人', '東区', marker, ''];
/** A good row with the named cells typed over it. */
function row(cells: Partial<Record<string, string>>): string[] {
  const base = good(`bad-${++n}`);
  return HEADER.map((h, i) => cells[h] ?? base[i]);
}

test.each([
  ['a future date', { 相談日: '2030-01-01' }, M.consultedOnFuture, '相談日'],
  ['tomorrow', { 相談日: '2026-11-28' }, M.consultedOnFuture, '相談日'],
  ['an impossible date', { 相談日: '2023/2/30' }, M.consultedOn, '相談日'],
  ['内容 of 10,001 characters', { 内容: 'あ'.repeat(10_001) }, M.content, '内容'],
  ['対応 of 32,767 characters (the longest cell Excel holds)', { 対応: 'い'.repeat(32_767) }, M.response, '対応'],
  ['a method not in the master', { 相談方法: 'FAX' }, M.method, '相談方法'],
  ['a consultee not in the master', { 相談者: '隣人' }, M.consultee, '相談者'],
  ['a ward not in the master', { 区: '西原区' }, M.ward, '区'],
  ['a category not in the master', { 相談種別: 'ふしぎな相談' }, M.categoryUnknown, '相談種別'],
  ['a category with children (the form takes only its children)', { 相談種別: '後見人支援' }, M.categoryParent, '相談種別'],
  ['no category', { 相談種別: '' }, M.category, '相談種別'],
])('%s: refused with the form’s message, row-numbered; nothing stored', async (_name, cells, message, column) => {
  const before = await count();
  const bad = row(cells);
  const { code, out, rowErrors } = await run([good('ok-1'), bad, good('ok-2')]);
  expect(code).toBe(1);
  expect(out).toEqual([]);
  expect(rowErrors).toEqual([`行3: ${message}（${cellNote(column, bad[HEADER.indexOf(column)])}）`]);
  expect(await count()).toBe(before);
});

test('what the form takes, the import takes: today, 10,000 characters, CRLF kept as one line break', async () => {
  const before = await count();
  const { code, rowErrors } = await run([row({ 相談日: '2026-11-27', 内容: 'う'.repeat(10_000), 対応: ' 一行目\r\n二行目 ' })]);
  expect(rowErrors).toEqual([]);
  expect(code).toBe(0);
  const stored = await t.db('consultations').orderBy('id', 'desc').first();
  expect(stored).toMatchObject({ consulted_on: '2026-11-27', response: '一行目\n二行目' });
  expect(stored.content).toHaveLength(10_000);
  expect(await count()).toBe(before + 1);
});

test('several problems in one row are all told, one per column, in form order', async () => {
  const bad = row({ 相談日: '2030-01-01', 相談方法: 'FAX', 内容: 'え'.repeat(10_001) });
  const { rowErrors } = await run([bad]);
  expect(rowErrors).toEqual([
    `行2: ${M.consultedOnFuture}（${cellNote('相談日', '2030-01-01')}）`,
    `行2: ${M.method}（${cellNote('相談方法', 'FAX')}）`,
    `行2: ${M.content}（${cellNote('内容', bad[5])}）`,
  ]);
});
