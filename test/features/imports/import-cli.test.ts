import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { useTestDatabase } from '../../helpers/suite';
import { cliContext } from '../../helpers/cli';
import { importCommands } from '../../../src/cli/import-command';
import { CliContext, CliError } from '../../../src/cli/command';
import { cellNote } from '../../../src/features/imports/import-form-check';
import { CONSULTATION_MESSAGES as M } from '../../../src/features/consultations/consultations-schema';
import { GOOD_ROWS, HEADER, csv, manyRows, shiftJis, utf8, utf8Bom } from './fixtures';

const t = useTestDatabase();
let dir: string;
let out: string[];
let err: string[];
let ctx: CliContext;
beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-import-')); });
afterAll(() => { fs.rmSync(dir, { recursive: true, force: true }); });
beforeEach(() => {
  out = [];
  err = [];
  ctx = cliContext(t.db, (s) => out.push(s), (s) => err.push(s));
});

let n = 0;
function file(bytes: Buffer): string {
  const p = path.join(dir, `ledger-${++n}.csv`);
  fs.writeFileSync(p, bytes);
  return p;
}
const run = (args: string[]) => importCommands.import.run(args, ctx);
const count = async () => Number((await t.db('consultations').count({ n: '*' }))[0].n);

test.each([
  ['UTF-8 with BOM', utf8Bom],
  ['UTF-8 without BOM', utf8],
  ['Shift_JIS', shiftJis],
])('%s: prints the count, exits 0, rows have no staff and are audited', async (name, encode) => {
  const before = await count();
  // each encoding's file says something else in 対応 (the same rows twice would be a repeat)
  const text = csv([HEADER, ...GOOD_ROWS.map((r) => [...r.slice(0, 6), `${r[6]}${name}`])]);
  expect(await run(['consultations', file(encode(text))])).toBe(0);
  expect(out).toEqual(['4件を取り込みました']);
  const rows = await t.db('consultations').orderBy('id').offset(before);
  expect(rows.map((r) => [r.consulted_on, r.staff_id, r.created_by])).toEqual(Array(4).fill(['2023-04-01', null, null]));
  expect(rows[0].content).toBe('制度について、"引用"あり, カンマも');
  const audit = await t.db('audit_log').where({ action: 'import.consultations', record_type: 'import_batch' }).orderBy('id', 'desc').first();
  expect(audit).toMatchObject({ actor_username: 'cli', actor_id: null });
  expect(await t.db('imported_batches').where({ id: audit.record_id, kind: 'consultations', row_count: 4, user_id: null })).toHaveLength(1);
});

test('one bad row among many: every row error printed as 行N, exit 1, nothing stored', async () => {
  const rows = manyRows(50, 'cli');
  rows[9][0] = '令和5年2月30日';
  rows[40][1] = '後見人支援/法務';
  const before = await count();
  expect(await run(['consultations', file(shiftJis(csv([HEADER, ...rows])))])).toBe(1);
  expect(out).toEqual([]);
  expect(err).toEqual(expect.arrayContaining([
    `行11: ${M.consultedOn}（${cellNote('相談日', '令和5年2月30日')}）`,
    `行42: ${M.categoryUnknown}（${cellNote('相談種別', '後見人支援/法務')}）`,
  ]));
  expect(err.filter((l) => l.startsWith('行'))).toHaveLength(2);
  expect(await count()).toBe(before);
});

test('a missing required column: one file-level error, exit 1', async () => {
  expect(await run(['consultations', file(utf8Bom(csv([['相談種別'], ['制度説明']])))])).toBe(1);
  expect(err).toContain('必須の列「相談日」が見出し行にありません');
});

test('unknown kind, missing file argument or unreadable file: a usage error', async () => {
  await expect(run(['no-such-kind', 'x.csv'])).rejects.toThrow(CliError);
  await expect(run(['consultations'])).rejects.toThrow(/consultations/);
  await expect(run(['consultations', path.join(dir, 'nope.csv')])).rejects.toThrow(/読めません/);
});
