import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { useTestDatabase } from '../../helpers/suite';
import { cliContext } from '../../helpers/cli';
import { importCommands } from '../../../src/cli/import-command';
import { cliDuplicateRefused } from '../../../src/features/imports/import-messages';
import { HEADER, csv, manyRows, shiftJis, utf8 } from './fixtures';

/** Issue 14 (3) on the command line: a repeat is refused, and says why, unless --allow-duplicate is given. */
const t = useTestDatabase();
let dir: string;
beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-import-dup-')); });
afterAll(() => { fs.rmSync(dir, { recursive: true, force: true }); });

let n = 0;
async function run(bytes: Buffer, ...flags: string[]) {
  const file = path.join(dir, `ledger-${++n}.csv`);
  fs.writeFileSync(file, bytes);
  const out: string[] = [];
  const err: string[] = [];
  const code = await importCommands.import.run(['consultations', file, ...flags], cliContext(t.db, (s) => out.push(s), (s) => err.push(s)));
  return { code, out, err };
}
const count = async () => Number((await t.db('consultations').count({ n: '*' }))[0].n);
const lastAudit = (action: string) => t.db('audit_log').where({ action }).orderBy('id', 'desc').first('record_type', 'record_id', 'actor_username');

test('the same file again as Shift_JIS: refused with the earlier batch named; --allow-duplicate imports it, audited by ids', async () => {
  const text = csv([HEADER, ...manyRows(8, 'cli-twice')]);
  expect((await run(utf8(text))).code).toBe(0);
  const first = (await lastAudit('import.consultations'))!.record_id;
  const before = await count();

  const again = await run(shiftJis(text));
  expect(again.code).toBe(1);
  expect(again.out).toEqual([]);
  expect(again.err.at(-1)).toContain(`取り込み番号 ${first}）と同じ内容です。`);
  expect(again.err.at(-1)).toContain(cliDuplicateRefused);
  expect(await count()).toBe(before);

  const allowed = await run(shiftJis(text), '--allow-duplicate');
  expect(allowed.code).toBe(0);
  expect(allowed.out).toEqual(['8件を取り込みました']);
  expect(await count()).toBe(before + 8);
  const batch = (await lastAudit('import.consultations'))!.record_id;
  expect(await lastAudit('import.duplicate_confirmed')).toEqual({ record_type: 'import_batch', record_id: batch, actor_username: 'cli' });
  expect(await lastAudit('import.duplicate_of')).toEqual({ record_type: 'import_batch', record_id: first, actor_username: 'cli' });
});

test('90% of the rows imported before: refused, saying how many; 89%: imported', async () => {
  const earlier = manyRows(100, 'cli-90');
  expect((await run(utf8(csv([HEADER, ...earlier])))).code).toBe(0);
  const ninety = await run(utf8(csv([HEADER, ...earlier.slice(0, 90), ...manyRows(10, 'cli-90-new')])));
  expect(ninety.code).toBe(1);
  expect(ninety.err.at(-1)).toContain('このファイルの100行のうち90行（90%）が、既に取り込んだ行と同じ内容です');
  const before = await count();
  expect((await run(utf8(csv([HEADER, ...earlier.slice(0, 89), ...manyRows(11, 'cli-89-new')])))).code).toBe(0);
  expect(await count()).toBe(before + 100);
});

test('the flag is accepted before the kind too; anything else extra is a usage error', async () => {
  const file = path.join(dir, 'flag-first.csv');
  fs.writeFileSync(file, utf8(csv([HEADER, ...manyRows(2, 'flag-first')])));
  const ctx = cliContext(t.db, () => undefined, () => undefined);
  expect(await importCommands.import.run(['--allow-duplicate', 'consultations', file], ctx)).toBe(0);
  await expect(importCommands.import.run(['consultations', file, '--force'], ctx)).rejects.toThrow(/--allow-duplicate/);
});
