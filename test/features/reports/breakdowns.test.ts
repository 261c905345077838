import { findReport } from '../../../src/features';
import type { Table } from '../../../src/lib/table/table';
import { ALL_WARDS } from '../../../src/contracts/report';
import { DimField, expectedCount, Gen, Value } from './consultation-data';
import { expectedLeaves, liveIn, RandomWorld, randomWorld } from './setup-random';

let w: RandomWorld;
beforeAll(async () => { w = await randomWorld(4242); });
afterAll(async () => { await w.tdb.close(); });

const CASES: [string, string, DimField, (w: RandomWorld) => Value[], string][] = [
  ['consultations-by-ward', '区', 'ward_id', (x) => x.masters.wards, '区別'],
  ['consultations-by-method', '相談方法', 'method_id', (x) => x.masters.method, '相談方法別'],
  ['consultations-by-consultee', '相談者', 'consultee_id', (x) => x.masters.consultee, '相談者別'],
  ['consultations-by-condition', '疾病・障害', 'condition_id', (x) => x.masters.condition, '疾病・障害別'],
];

describe.each(CASES)('%s', (id, rowHeader, field, valuesOf, suffix) => {
  test.each([2023, 2024])('FY%i: every cell equals an independent count; totals agree', async (fy) => {
    const t: Table = await findReport(id)!.build(w.db, { fy, filters: {} }, ALL_WARDS);
    expect(t.id).toBe(id);
    expect(t.title).toBe(`${fy === 2023 ? '令和5年度' : '令和6年度'} 成年後見制度に関する相談件数（${suffix}）`);
    expect(t.rowHeader).toBe(rowHeader);
    const leaves = expectedLeaves(w, fy);
    expect(t.columns.map((c) => c.csvLabel)).toEqual([...leaves.map((l) => l.csvLabel), '合計']);

    const inYear = liveIn(w.rows, fy);
    const rowsOf = (v: number | null) => inYear.filter((g) => g[field] === v).length;
    // Values in master order; retired ones only when non-zero; 未設定 (null) only when non-zero.
    const values = valuesOf(w).filter((v) => !v.retired || rowsOf(v.id) > 0);
    const specs: { label: string; match: (g: Gen) => boolean }[] = [
      ...values.map((v) => ({ label: v.label, match: (g: Gen) => g[field] === v.id })),
      ...(rowsOf(null) > 0 ? [{ label: '未設定', match: (g: Gen) => g[field] === null }] : []),
    ];
    expect(t.rows.map((r) => r.label)).toEqual([...specs.map((s) => s.label), '計']);
    const expected = specs.map((s) => {
      const cells = leaves.map((l) => expectedCount(w.rows, fy, l.id, s.match));
      return [...cells, cells.reduce((a, b) => a + b, 0)];
    });
    const colTotals = leaves.map((_, j) => expected.reduce((s, r) => s + r[j], 0));
    expect(t.rows.map((r) => r.cells)).toEqual([...expected, [...colTotals, inYear.length]]);
    expect(colTotals.reduce((a, b) => a + b, 0)).toBe(inYear.length);
    expect(t.rows.at(-1)!.total).toBe(true);
  });
});

test('null wards are counted under 未設定, and a retired ward shows only in the year it has rows', async () => {
  const build = (fy: number) => findReport('consultations-by-ward')!.build(w.db, { fy, filters: {} }, ALL_WARDS);
  const t23 = await build(2023);
  const t24 = await build(2024);
  const unset = liveIn(w.rows, 2023).filter((g) => g.ward_id === null).length;
  expect(unset).toBeGreaterThan(0);
  expect(t23.rows.find((r) => r.label === '未設定')!.cells.at(-1)).toBe(unset);
  expect(liveIn(w.rows, 2023).filter((g) => g.ward_id === w.retired.ward.id).length).toBeGreaterThan(0);
  expect(t23.rows.map((r) => r.label)).toContain('旧区');
  expect(t24.rows.map((r) => r.label)).not.toContain('旧区');
  // Every live ward is a row, even with no consultations (zeros shown).
  const empty = await build(2030);
  expect(empty.rows.map((r) => r.label)).toEqual(['中央区', '東区', '西区', '南区', '北区', '計']);
  for (const r of empty.rows) for (const v of r.cells) expect(v).toBe(0);
});

test('a retired method shows in the old year only', async () => {
  const build = (fy: number) => findReport('consultations-by-method')!.build(w.db, { fy, filters: {} }, ALL_WARDS);
  expect((await build(2023)).rows.map((r) => r.label)).toContain('その他');
  expect((await build(2024)).rows.map((r) => r.label)).not.toContain('その他');
});

test('breakdowns take the same filters', async () => {
  const east = w.masters.wards.find((x) => x.label === '東区')!;
  const t = await findReport('consultations-by-method')!.build(w.db, { fy: 2024, filters: { ward: east.id } }, ALL_WARDS);
  const grand = liveIn(w.rows, 2024).filter((g) => g.ward_id === east.id).length;
  expect(t.rows.at(-1)!.cells.at(-1)).toBe(grand);
  expect(t.subtitle).toContain('区＝東区');
});
