import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { useTestApp } from '../../helpers/suite';
import { csrfFrom } from '../../helpers/agent';
import { importCommands } from '../../../src/cli/import-command';
import { CliContext } from '../../../src/cli/command';
import { fixedClock } from '../../../src/clock';
import { loadConfig } from '../../../src/config';
import { createLogger } from '../../../src/logger';
import { cellNote } from '../../../src/features/imports/import-form-check';
import { C, SUBSIDY_IMPORT_MESSAGES as M } from '../../../src/features/subsidies/import/subsidies-import-form';
import { SUBSIDY_MESSAGES as SM } from '../../../src/features/subsidies/subsidies-form';
import { PERSON_MESSAGES } from '../../../src/features/persons/persons-form';
import { kanaSearchKey } from '../../../src/lib/kana';
import { insertPerson, wardId } from '../../helpers/factories';

const t = useTestApp(); // 2026-11-27
const staff = t.user('staff');

const HEADER = ['氏名', '氏名カナ', '生年月日', '区', '後見人等種別', '申立種別', '報酬付与審判日', '対象期間開始', '対象期間終了', '報酬付与額', '在宅月数', '施設月数', '財源区分', '決定', '決定日', '助成額', '支払日'];
const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
const csv = (rows: string[][]) => rows.map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
/** A valid approved, paid row (12 months at home from 2022-04-01: cap 336,000円), with `cells` typed over it. */
function row(cells: Record<string, string> = {}): string[] {
  const base: Record<string, string> = {
    氏名カナ: 'クマモト ハナコ', 生年月日: '1940-05-01', 区: '東区', 後見人等種別: '社会福祉士', 申立種別: '市長', 報酬付与審判日: 'R5.5.10',
    対象期間開始: 'R4.4.1', 対象期間終了: 'R5.3.31', 報酬付与額: '360,000', 在宅月数: '12', 施設月数: '', 財源区分: '高齢', 決定: '承認',
    決定日: '2023-06-01', 助成額: '336000', 支払日: '2023-06-30', ...cells,
  };
  return HEADER.map((h) => base[h] ?? '');
}
const ledger = (rows: string[][]) => Buffer.from(csv([HEADER, ...rows]), 'utf8');

let dir: string;
let out: string[];
let err: string[];
let ctx: CliContext;
beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-subsidies-import-')); });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
beforeEach(() => {
  out = [];
  err = [];
  ctx = { db: t.db, clock: fixedClock(new Date('2026-11-27T00:00:00Z')), config: loadConfig({ NODE_ENV: 'test' }), log: createLogger('silent'), out: (s) => out.push(s), err: (s) => err.push(s) };
});
let n = 0;
const file = (bytes: Buffer) => { const p = path.join(dir, `s-${++n}.csv`); fs.writeFileSync(p, bytes); return p; };
const run = (bytes: Buffer) => importCommands.import.run(['subsidies', file(bytes)], ctx);
const count = async (table: string) => Number((await t.db(table).count({ n: '*' }))[0].n);
const counts = async () => ({ persons: await count('persons'), subsidies: await count('subsidies') });

test('CLI: persons matched by kana + birth date or created; decided and paid as the ledger says; audited', async () => {
  const existing = await insertPerson(t.db, { name: '肥後 太郎', name_kana: 'ヒゴ タロウ', birth_date: '1960-02-11', ward_id: await wardId(t.db, '北区') });
  const before = await counts();
  const rows = [
    row(),
    row({ 氏名カナ: 'ひご ﾀﾛｳ', 生年月日: '昭和35年2月11日', 区: '北区', 後見人等種別: '弁護士', 申立種別: '本人', 財源区分: '障がい', 決定: '却下', 助成額: '', 支払日: '' }),
    row({ 助成額: '250000', 支払日: '', 在宅月数: '6', 施設月数: '6', 報酬付与額: '300000' }),
  ];
  const code = await run(Buffer.from(iconv.encode(csv([HEADER, ...rows]), 'cp932')));
  expect(err.filter((l) => l.startsWith('行'))).toEqual([]);
  expect(code).toBe(0);
  expect(out).toEqual(['3件を取り込みました']);
  expect(await counts()).toEqual({ persons: before.persons + 1, subsidies: before.subsidies + 3 });
  const [a, b, c] = await t.db('subsidies').orderBy('id').offset(before.subsidies);
  const created = await t.db('persons').where({ id: a.person_id }).first();
  expect(created).toMatchObject({ name: 'クマモト　ハナコ', kana_key: kanaSearchKey('クマモトハナコ'), birth_date: '1940-05-01', ward_id: await wardId(t.db, '東区') });
  expect(a).toMatchObject({ status: '支払', decision: '承認', decided_on: '2023-06-01', paid_on: '2023-06-30', granted_yen: 336000, home_cap_yen: 28000, facility_cap_yen: 18000, created_by: null });
  expect(b).toMatchObject({ person_id: existing, status: '決定', decision: '却下', granted_yen: null, funding_line: '障がい', petition_type: '本人' });
  expect(c).toMatchObject({ person_id: a.person_id, status: '決定', granted_yen: 250000, paid_on: null });
  expect(await t.db('audit_log').where({ action: 'import.subsidies', actor_username: 'cli' })).toHaveLength(1);
});

const refused = (message: string, column: string, value: string) => `${message}（${cellNote(column, value)}）`;

// issue 14 (2): each row goes through the person form, the application form, the decision and the payment forms
test.each([
  ['a relative guardian', { 後見人等種別: '子' }, refused(SM.relative('子'), C.relation, '子')],
  ['a relation not in the master', { 後見人等種別: '医師' }, refused(SM.guardian_relation_id, C.relation, '医師')],
  ['助成額 above the cap', { 助成額: '336001' }, refused(SM.grantedOverCap('336,000円'), C.granted, '336001')],
  ['approved without 助成額 (a ledger’s blank is a gap)', { 助成額: '', 支払日: '' }, M.grantedRequired],
  ['rejected with a payment date', { 決定: '却下', 助成額: '' }, M.notOnRejection(C.paid)],
  ['決定 unknown', { 決定: '保留' }, refused(SM.decision, C.decision, '保留')],
  ['財源区分 unknown', { 財源区分: '児童' }, refused(SM.funding_line, C.funding, '児童')],
  ['申立種別 empty', { 申立種別: '' }, refused(SM.petition_type, C.petitionType, '')],
  ['period reversed', { 対象期間終了: '2022-03-31' }, refused(SM.periodOrder, C.to, '2022-03-31')],
  ['too many months', { 施設月数: '1' }, refused(SM.tooManyMonths(12), C.home, '12')],
  ['no months', { 在宅月数: '0' }, refused(SM.noMonths, C.home, '0')],
  ['報酬付与額 not a number', { 報酬付与額: '三十万' }, refused(SM.fee_awarded_yen, C.fee, '三十万')],
  ['決定日 not a date', { 決定日: '2023-02-30' }, refused(SM.decided_on, C.decided, '2023-02-30')],
  ['決定日 in the future', { 決定日: '2030-01-01', 支払日: '' }, refused(SM.future, C.decided, '2030-01-01')],
  ['決定日 before the court’s decision', { 報酬付与審判日: '2023-06-02' }, refused(SM.decidedBeforeCourt, C.decided, '2023-06-01')],
  ['paid before decided', { 支払日: '2023-05-31' }, refused(SM.paidBeforeDecided, C.paid, '2023-05-31')],
  ['no cap on the first day', { 対象期間開始: '1999-04-01', 対象期間終了: '1999-09-30', 在宅月数: '6' }, refused(SM.noCaps, C.from, '1999-04-01')],
  ['氏名 of 101 characters', { 氏名: '熊'.repeat(101) }, refused(PERSON_MESSAGES.name, C.name, '熊'.repeat(101))],
])('%s: the row number and the form’s reason; nothing stored', async (_name, cells, reason) => {
  const before = await counts();
  expect(await run(ledger([row(), row(cells as Record<string, string>)]))).toBe(1);
  // the form's reason (it may give more: with no months, the cap is 0 as well)
  const lines = err.filter((l) => l.startsWith('行'));
  expect(lines).toContain(`行3: ${reason}`);
  expect(lines.filter((l) => !l.startsWith('行3: '))).toEqual([]);
  expect(await counts()).toEqual(before);
});

test('web: upload → preview → import all, with the importing user; a bad file stores nothing', async () => {
  const page = await staff.agent.get('/subsidies/import');
  expect(page.status).toBe(200);
  for (const c of HEADER) expect(page.text).toContain(`<th scope="row">${c}</th>`);
  const before = await counts();
  const bad = await staff.agent.post('/subsidies/import').field('_csrf', csrfFrom(page.text))
    .attach('file', ledger([row(), row({ 後見人等種別: '配偶者' })]), { filename: 's.csv', contentType: 'text/csv' });
  expect(bad.status).toBe(400);
  expect(bad.text).toContain(SM.relative('配偶者'));
  const res = await staff.agent.post('/subsidies/import').field('_csrf', csrfFrom(page.text))
    .attach('file', ledger([row({ 氏名カナ: 'アソ ジロウ', 生年月日: '1950-01-01' })]), { filename: 's.csv', contentType: 'text/csv' });
  expect(res.status).toBe(200);
  expect(res.text).toContain('令和4年4月1日〜令和5年3月31日');
  const m = res.text.match(/<form method="post" action="(\/subsidies\/import\/\d+)">\s*<input type="hidden" name="_csrf" value="([^"]+)">/)!;
  const done = await staff.agent.post(m[1]).type('form').send({ _csrf: m[2] });
  expect(done.status).toBe(303);
  expect(done.headers.location).toBe('/subsidies');
  expect(await counts()).toEqual({ persons: before.persons + 1, subsidies: before.subsidies + 1 });
  expect((await t.db('subsidies').orderBy('id', 'desc').first()).created_by).toBe(staff.id);
});
