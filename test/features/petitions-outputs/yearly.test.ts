import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Knex } from 'knex';
import { exportCommands } from '../../../src/cli/export-command';
import { fixedClock } from '../../../src/clock';
import { loadConfig } from '../../../src/config';
import { createLogger } from '../../../src/logger';
import { openTestDatabase, TestDatabase } from '../../helpers/test-db';
import { petitionsByBasis, petitionsByType, petitionsYearly } from '../../../src/features/petitions/reports/petitions-reports';
import { findReport } from '../../../src/features';
import { renderReport } from '../../../src/features/reports/report-export';
import { REPORT_MESSAGES } from '../../../src/features/reports/report-params';
import { ALL_WARDS, ReportDef, YearsParams } from '../../../src/contracts/report';
import type { Table } from '../../../src/lib/table/table';
import { BOUNDARIES, expectedCount, fyOf, generate, GenPetition, insertAll, loadMasters, PetitionMastersT, Value } from './petition-data';

let tdb: TestDatabase;
let db: Knex;
let m: PetitionMastersT;
let rows: GenPetition[];
beforeAll(async () => {
  tdb = await openTestDatabase();
  db = tdb.db;
  m = await loadMasters(db);
  rows = generate(m, 600, 20191127);
  await insertAll(db, rows);
});
afterAll(async () => { await tdb.close(); });

const span = (from: number, to: number): YearsParams => ({ from, to, filters: {} });
const years = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Every cell against the independent count; the 計 row is the column sums and the grand total is every petition filed in the span. */
function checkEveryCell(t: Table, from: number, to: number, specs: { label: string; where: (g: GenPetition) => boolean }[], scope: (g: GenPetition) => boolean = () => true): void {
  expect(t.rows.map((r) => r.label)).toEqual([...specs.map((s) => s.label), '計']);
  const expected = specs.map((s) => years(from, to).map((fy) => expectedCount(rows, fy, (g) => s.where(g) && scope(g))));
  const totals = years(from, to).map((_, j) => expected.reduce((sum, r) => sum + r[j], 0));
  expect(t.rows.map((r) => r.cells)).toEqual([...expected, totals]);
  expect(t.rows.at(-1)!.total).toBe(true);
  const filed = rows.filter((g) => g.filed_on !== null && fyOf(g.filed_on) >= from && fyOf(g.filed_on) <= to && scope(g)).length;
  expect(filed).toBeGreaterThan(0);
  expect(totals.reduce((a, b) => a + b, 0)).toBe(filed);
}

const byValue = (column: keyof GenPetition) => (v: Value) => ({ label: v.label, where: (g: GenPetition) => g[column] === v.id });
const unset = (column: keyof GenPetition) => ({ label: '未設定', where: (g: GenPetition) => g[column] === null });

test('the three reports are in the registry, read with petitions:read, over a span of years', () => {
  for (const def of [petitionsYearly, petitionsByType, petitionsByBasis] as ReportDef[]) {
    expect(findReport(def.id)).toBe(def);
    expect([def.access, def.period]).toEqual(['petitions:read', 'years']);
  }
});

test('from=2019: one column per fiscal year headed 令和元年度, 令和2年度 …', async () => {
  const t = await petitionsYearly.build(db, span(2019, 2023), ALL_WARDS);
  expect(t.headerRows).toEqual([['令和元年度', '令和2年度', '令和3年度', '令和4年度', '令和5年度'].map((label) => ({ label }))]);
  expect(t.columns.map((c) => c.csvLabel)).toEqual(['令和元年度', '令和2年度', '令和3年度', '令和4年度', '令和5年度']);
  expect(t.title).toBe('令和元年度〜令和5年度 市長申立て件数（区別）');
  expect(t.rowHeader).toBe('区');
  const csv = (await renderReport(t, 'csv', new Date())).toString('utf8');
  expect(csv.split('\r\n')[0]).toBe('\uFEFF区,令和元年度,令和2年度,令和3年度,令和4年度,令和5年度');
});

test.each([[2019, 2023], [2018, 2025], [2021, 2021]])('petitions-yearly %i–%i: the five wards in master order then 計, every cell counted', async (from, to) => {
  const t = await petitionsYearly.build(db, span(from, to), ALL_WARDS);
  expect(m.wards.map((w) => w.label)).toEqual(['中央区', '東区', '西区', '南区', '北区']);
  checkEveryCell(t, from, to, m.wards.map(byValue('ward_id')));
});

test('petitions-by-type: 後見, 保佐, 補助 (and 未設定 where a petition has none) then 計', async () => {
  const t = await petitionsByType.build(db, span(2019, 2023), ALL_WARDS);
  expect(m.types.map((v) => v.label)).toEqual(['後見', '保佐', '補助']);
  checkEveryCell(t, 2019, 2023, [...m.types.map(byValue('type_sought_id')), unset('type_sought_id')]);
  expect(t.rowHeader).toBe('類型');
});

test('petitions-by-basis: the three legal bases (and 未設定) then 計', async () => {
  const t = await petitionsByBasis.build(db, span(2019, 2023), ALL_WARDS);
  expect(m.bases.map((v) => v.label)).toEqual(['老人福祉法第32条', '知的障害者福祉法第28条', '精神保健福祉法第51条の11の2']);
  checkEveryCell(t, 2019, 2023, [...m.bases.map(byValue('legal_basis_id')), unset('legal_basis_id')]);
});

test('the fiscal-year boundary: filed on 3/31 counts in the old year, on 4/1 in the new one; never-filed petitions nowhere', async () => {
  const onDay = (d: string) => rows.filter((g) => g.filed_on === d).length;
  for (const d of BOUNDARIES) expect(onDay(d)).toBeGreaterThan(0);
  expect(rows.filter((g) => g.filed_on === null).length).toBeGreaterThan(0);
  const t = await petitionsYearly.build(db, span(2019, 2020), ALL_WARDS);
  const total = t.rows.at(-1)!.cells;
  const inRange = (a: string, b: string) => rows.filter((g) => g.filed_on !== null && g.filed_on >= a && g.filed_on <= b).length;
  expect(total).toEqual([inRange('2019-04-01', '2020-03-31'), inRange('2020-04-01', '2021-03-31')]);
  // 2019-03-31 belongs to FY2018: outside this span.
  const t18 = await petitionsYearly.build(db, span(2018, 2018), ALL_WARDS);
  expect(t18.rows.at(-1)!.cells).toEqual([inRange('2018-04-01', '2019-03-31')]);
});

test('a year with no petitions shows zeros, never blanks', async () => {
  const t = await petitionsByType.build(db, span(2030, 2031), ALL_WARDS);
  expect(t.rows.map((r) => r.label)).toEqual(['後見', '保佐', '補助', '計']);
  for (const r of t.rows) expect(r.cells).toEqual([0, 0]);
});

test('a ward scope: only that ward\'s row plus 計 on the ward table, and only its petitions counted on the others', async () => {
  const east = m.wards.find((w) => w.label === '東区')!;
  const inEast = (g: GenPetition) => g.ward_id === east.id;
  const scope = { wardId: east.id };
  const t = await petitionsYearly.build(db, span(2019, 2023), scope);
  checkEveryCell(t, 2019, 2023, [byValue('ward_id')(east)], inEast);
  expect(t.subtitle).toContain('東区のみ');
  const types = await petitionsByType.build(db, span(2019, 2023), scope);
  checkEveryCell(types, 2019, 2023, [...m.types.map(byValue('type_sought_id')), unset('type_sought_id')], inEast);
  const bases = await petitionsByBasis.build(db, span(2019, 2023), scope);
  checkEveryCell(bases, 2019, 2023, [...m.bases.map(byValue('legal_basis_id')), unset('legal_basis_id')], inEast);
});

describe('npm run cli -- export', () => {
  test('--from/--to: every ward counted (no scope), audited as cli with the span', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-petitions-export-'));
    const out: string[] = [];
    const ctx = { db, clock: fixedClock(new Date('2026-11-27T00:00:00Z')), config: loadConfig({ NODE_ENV: 'test' }), log: createLogger('silent'), out: (s: string) => out.push(s), err: (s: string) => out.push(s) };
    const file = path.join(dir, 'yearly.csv');
    expect(await exportCommands.export.run(['petitions-yearly', '--from', '2019', '--to', '2023', '--out', file], ctx)).toBe(0);
    const lines = fs.readFileSync(file, 'utf8').split('\r\n');
    expect(lines.slice(1, 6).map((l) => l.split(',')[0])).toEqual(m.wards.map((w) => w.label));
    const total = years(2019, 2023).map((fy) => expectedCount(rows, fy, () => true));
    expect(lines[6]).toBe(`計,${total.join(',')}`);
    expect(await db('audit_log').where({ action: 'report.export', record_id: 'petitions-yearly:2019-2023:csv', actor_username: 'cli' })).toHaveLength(1);
    await expect(exportCommands.export.run(['petitions-yearly', '--from', '2024', '--to', '2023', '--format', 'csv'], ctx)).rejects.toThrow(REPORT_MESSAGES.order);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
