import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Knex } from 'knex';
import iconv from 'iconv-lite';
import { openTestDatabase, TestDatabase } from '../../helpers/test-db';
import { importCommands } from '../../../src/cli/import-command';
import { CliContext, CliError } from '../../../src/cli/command';
import { fixedClock } from '../../../src/clock';
import { loadConfig } from '../../../src/config';
import { createLogger } from '../../../src/logger';
import { birthNeeded, missingColumn } from '../../../src/features/imports/import-messages';
import { cellNote } from '../../../src/features/imports/import-form-check';
import { PERSON_MESSAGES } from '../../../src/features/persons/persons-form';
import { PETITION_MESSAGES as P } from '../../../src/features/petitions/record/petitions-schema';
import { STAGE_RULES } from '../../../src/features/petitions/stages/petition-stages';
import { PETITION_IMPORT_MESSAGES as M } from '../../../src/features/petitions/outputs/petitions-import-cells';
import { kanaSearchKey } from '../../../src/lib/kana';
import { csv, HEADER, ledger, row } from './import-fixtures';
import { insertPerson } from '../../helpers/factories';

let tdb: TestDatabase;
let db: Knex;
let dir: string;
let out: string[];
let err: string[];
let ctx: CliContext;
beforeAll(async () => {
  tdb = await openTestDatabase();
  db = tdb.db;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-petitions-import-'));
});
afterAll(async () => {
  await tdb.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  out = [];
  err = [];
  ctx = { db, clock: fixedClock(new Date('2026-11-27T00:00:00Z')), config: loadConfig({ NODE_ENV: 'test' }), log: createLogger('silent'), out: (s) => out.push(s), err: (s) => err.push(s) };
});

let n = 0;
function file(bytes: Buffer): string {
  const p = path.join(dir, `petitions-${++n}.csv`);
  fs.writeFileSync(p, bytes);
  return p;
}
const run = (args: string[]) => importCommands.import.run(args, ctx);
const count = async (table: string) => Number((await db(table).count({ n: '*' }))[0].n);
const counts = async () => ({ persons: await count('persons'), petitions: await count('petitions'), stages: await count('petition_stages') });
const wardId = async (name: string) => (await db('wards').where({ name }).first('id')).id as number;
const code = async (list: string, label: string) => (await db('code_entries').where({ list, label }).first('id')).id as number;

test('a valid ledger: persons created or matched, petitions with their dates, stages done / historical; exit 0, audited', async () => {
  const existing = await insertPerson(db, { name: '肥後 太郎', name_kana: 'ヒゴ　タロウ', birth_date: '1960-02-11', ward_id: await wardId('北区') });
  const before = await counts();
  const rows = [
    row({ 根拠法: '老人福祉法', 類型: '後見', 相談受付日: 'R4.4.5', 決裁日: '2022/8/1', 申立日: '令和4年8月20日', 審判日: '2022-10-03', 事件番号: '令和４年（家）第１２３４号' }),
    // the same person as an existing record: kana typed in hiragana / half-width, birth date in 和暦
    row({ 氏名: '肥後 太郎', 氏名カナ: 'ひご ﾀﾛｳ', 生年月日: '昭和35年2月11日', 区: '北区', 根拠法: '知的障害者福祉法第28条', 類型: '保佐' }),
    row({ 氏名: '阿蘇 三郎', 氏名カナ: 'アソ サブロウ', 生年月日: '1950-01-01', 区: '南区', 根拠法: '精神保健福祉法', 類型: '補助', 親族調査完了日: '2023-03-31', 申立日: '2023-04-01', 登記日: '2023-07-10' }),
  ];
  expect(await run(['petitions', file(Buffer.from(iconv.encode(csv([HEADER, ...rows]), 'cp932')))])).toBe(0);
  expect(out).toEqual(['3件を取り込みました']);
  expect(await counts()).toEqual({ persons: before.persons + 2, petitions: before.petitions + 3, stages: before.stages + 9 + 11 });

  const petitions = await db('petitions').orderBy('id').offset(before.petitions);
  const [a, b, c] = petitions;
  // row 2: a new person with the kana key and the ward
  const person = await db('persons').where({ id: a.person_id }).first();
  expect(person).toMatchObject({ name: '熊本 花子', name_kana: 'クマモト　ハナコ', kana_key: kanaSearchKey('クマモトハナコ'), birth_date: '1940-05-01', ward_id: await wardId('東区') });
  expect(a).toMatchObject({
    ward_id: await wardId('東区'), legal_basis_id: await code('legal_basis', '老人福祉法第32条'), type_sought_id: await code('guardianship_type', '後見'),
    approved_on: '2022-08-01', filed_on: '2022-08-20', decided_on: '2022-10-03', finalized_on: null, registered_on: null, case_number: '令和4年(家)第1234号',
    created_by: null,
  });
  const stagesOf = (id: number) => db('petition_stages').where({ petition_id: id }).orderBy('stage').select('stage', 'status', 'completed_on', 'recorded_by');
  expect(await stagesOf(a.id)).toEqual([
    { stage: 1, status: 'done', completed_on: '2022-04-05', recorded_by: null },
    ...[2, 3, 4, 5, 6].map((stage) => ({ stage, status: 'historical', completed_on: null, recorded_by: null })),
    { stage: 7, status: 'done', completed_on: '2022-08-01', recorded_by: null },
    { stage: 8, status: 'done', completed_on: '2022-08-20', recorded_by: null },
    { stage: 9, status: 'done', completed_on: '2022-10-03', recorded_by: null },
  ]);
  // row 3: matched, not duplicated; no dates → no stages (it starts at 相談受付)
  expect(b.person_id).toBe(existing);
  expect(await stagesOf(b.id)).toEqual([]);
  expect(b).toMatchObject({ ward_id: await wardId('北区'), legal_basis_id: await code('legal_basis', '知的障害者福祉法第28条') });
  // row 4: up to 登記 (11)
  expect((await stagesOf(c.id)).map((s) => `${s.stage}:${s.status}:${s.completed_on ?? ''}`)).toEqual([
    '1:historical:', '2:historical:', '3:done:2023-03-31', '4:historical:', '5:historical:', '6:historical:', '7:historical:',
    '8:done:2023-04-01', '9:historical:', '10:historical:', '11:done:2023-07-10',
  ]);
  expect(c).toMatchObject({ filed_on: '2023-04-01', registered_on: '2023-07-10', legal_basis_id: await code('legal_basis', '精神保健福祉法第51条の11の2') });
  const progress = await db('petition_progress').whereIn('petition_id', [a.id, b.id, c.id]).orderBy('petition_id').select('current_stage');
  expect(progress.map((p) => p.current_stage)).toEqual([10, 1, 12]);
  const audit = await db('audit_log').where({ action: 'import.petitions', record_type: 'import_batch' });
  expect(audit).toEqual([expect.objectContaining({ actor_username: 'cli', actor_id: null })]);
});

test('two rows for one new person (kana + birth date) create the person once', async () => {
  const before = await counts();
  const rows = [row({ 氏名: '天草 四郎', 氏名カナ: 'アマクサ シロウ', 生年月日: '1945-01-01' }), row({ 氏名: '天草 四郎', 氏名カナ: 'あまくさ　しろう', 生年月日: 'S20.1.1', 区: '西区' })];
  expect(await run(['petitions', file(ledger(rows))])).toBe(0);
  const after = await counts();
  expect([after.persons - before.persons, after.petitions - before.petitions]).toEqual([1, 2]);
});

/** The reason for a cell the form refused: the form's message, then the column and what was written. */
const refused = (message: string, column: string, value: string) => `${message}（${cellNote(column, value)}）`;

// issue 14 (2): each row goes through the person form, the petition form and the stage date rule
test.each([
  ['氏名 empty', { 氏名: '' }, refused('氏名を入力してください', '氏名', '')],
  ['氏名 of 101 characters', { 氏名: '熊'.repeat(101) }, refused(PERSON_MESSAGES.name, '氏名', '熊'.repeat(101))],
  ['氏名カナ not kana', { 氏名カナ: 'Kumamoto' }, refused(PERSON_MESSAGES.nameKanaChars, '氏名カナ', 'Kumamoto')],
  ['生年月日 empty (persons are matched by it)', { 生年月日: '' }, birthNeeded('生年月日')],
  ['生年月日 not a date', { 生年月日: '昭和15年2月30日' }, refused(PERSON_MESSAGES.birthDate, '生年月日', '昭和15年2月30日')],
  ['生年月日 in the future', { 生年月日: '2030-01-01' }, refused(PERSON_MESSAGES.birthFuture, '生年月日', '2030-01-01')],
  ['区 empty', { 区: '' }, refused(P.ward, '区', '')],
  ['区 unknown', { 区: '熊本区' }, refused(PERSON_MESSAGES.select.ward_id, '区', '熊本区')],
  ['根拠法 unknown', { 根拠法: '民法' }, refused(P.legal_basis_id, '根拠法', '民法')],
  ['類型 not statutory', { 類型: '任意後見' }, refused(P.type_sought_id, '類型', '任意後見')],
  ['a stage date not a date', { 申立日: '2023/13/1' }, refused(P.filed_on, '申立日', '2023/13/1')],
  ['申立日 in the future', { 申立日: '2030-01-01' }, refused(P.future, '申立日', '2030-01-01')],
  ['相談受付日 in the future', { 相談受付日: '2026-11-28' }, refused(STAGE_RULES.future, '相談受付日', '2026-11-28')],
  ['審判日 before 申立日', { 申立日: '2023-05-01', 審判日: '2023-04-30' }, refused('審判日は申立日（令和5年5月1日）以降の日付を入力してください', '審判日', '2023-04-30')],
  ['a stage date before an earlier stage’s', { 相談受付日: '2023-06-01', 決裁日: '2023-05-01' }, refused('完了日は段階1「相談受付」の完了日（令和5年6月1日）以降の日付を入力してください', '決裁日', '2023-05-01')],
  ['事件番号 malformed', { 申立日: '2023-05-01', 事件番号: '1234' }, refused(P.case_number, '事件番号', '1234')],
  ['事件番号 without 申立日', { 事件番号: '令和5年(家)第12号' }, M.caseNumberWithoutFiling],
])('%s: the row number and the form’s reason, exit 1, nothing stored', async (_name, cells, reason) => {
  const before = await counts();
  const rows = [row({ 申立日: '2023-05-01' }), row(cells as Record<string, string>), row()];
  expect(await run(['petitions', file(ledger(rows))])).toBe(1);
  expect(err.filter((l) => l.startsWith('行'))).toEqual([`行3: ${reason}`]);
  expect(out).toEqual([]);
  expect(await counts()).toEqual(before);
});

test('what the forms take, the import takes: today, 100 characters, dates in order', async () => {
  const before = await counts();
  const rows = [row({ 氏名: '熊'.repeat(100), 氏名カナ: 'クマモト ヒャク', 相談受付日: '2026-11-01', 申立日: '2026-11-27', 事件番号: '令和8年(家)第1号' })];
  expect(await run(['petitions', file(ledger(rows))])).toBe(0);
  expect((await counts()).petitions).toBe(before.petitions + 1);
});

test('all or nothing: several bad rows among many good ones are all reported; nothing is stored', async () => {
  const before = await counts();
  const rows = Array.from({ length: 40 }, (_, i) => row({ 氏名カナ: `テスト${'ア'.repeat((i % 5) + 1)}`, 生年月日: `1950-01-${String((i % 28) + 1).padStart(2, '0')}`, 相談受付日: '2024-04-01' }));
  rows[4][HEADER.indexOf('区')] = '';
  rows[30][HEADER.indexOf('審判日')] = '2024-03-01';
  expect(await run(['petitions', file(ledger(rows))])).toBe(1);
  expect(err.filter((l) => l.startsWith('行'))).toEqual([`行6: ${refused(P.ward, '区', '')}`, `行32: ${refused('完了日は段階1「相談受付」の完了日（令和6年4月1日）以降の日付を入力してください', '審判日', '2024-03-01')}`]);
  expect(err).toContain('誤りのある行が2行あるため、何も取り込んでいません。');
  expect(await counts()).toEqual(before);
});

test('a file without a required column: a file-level error, exit 1', async () => {
  expect(await run(['petitions', file(Buffer.from(csv([['氏名', '氏名カナ', '生年月日'], ['熊本 花子', 'クマモト ハナコ', '1940-05-01']]), 'utf8'))])).toBe(1);
  expect(err).toContain(missingColumn('区'));
});

test('a missing file or argument is a usage error (CliError: exit 1 from the CLI)', async () => {
  await expect(run(['petitions', path.join(dir, 'nope.csv')])).rejects.toThrow(CliError);
  await expect(run(['petitions'])).rejects.toThrow(/petitions/);
});
