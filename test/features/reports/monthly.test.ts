import { consultationsMonthly } from '../../../src/features/reports/consultations-reports';
import { ALL_WARDS, ReportParamError } from '../../../src/contracts/report';
import { REPORT_MESSAGES } from '../../../src/features/reports/report-params';
import type { Table } from '../../../src/lib/table/table';
import { expectedCount, Gen } from './consultation-data';
import { expectedLeaves, liveIn, monthOf, MONTHS, RandomWorld, randomWorld } from './setup-random';

let w: RandomWorld;
beforeAll(async () => { w = await randomWorld(20231127); });
afterAll(async () => { await w.tdb.close(); });

const build = (fy: number, filters: Record<string, number> = {}) => consultationsMonthly.build(w.db, { fy, filters }, ALL_WARDS);

/** Checks every cell against the independent count, and row totals = column totals = grand total. */
function checkEveryCell(t: Table, fy: number, where: (g: Gen) => boolean = () => true): void {
  const leaves = expectedLeaves(w, fy, where);
  expect(t.columns.map((c) => c.csvLabel)).toEqual([...leaves.map((l) => l.csvLabel), '合計']);
  expect(t.rows.map((r) => r.label)).toEqual([...MONTHS, '計']);
  const expected = MONTHS.map((_, i) => {
    const month = ((i + 3) % 12) + 1;
    const cells = leaves.map((l) => expectedCount(w.rows, fy, l.id, (g) => monthOf(g) === month && where(g)));
    return [...cells, cells.reduce((a, b) => a + b, 0)];
  });
  const colTotals = expected[0].map((_, j) => expected.reduce((s, row) => s + row[j], 0));
  expect(t.rows.map((r) => r.cells)).toEqual([...expected, colTotals]);
  // The totals agree with each other and with the number of live rows in the year.
  const grand = liveIn(w.rows, fy).filter(where).length;
  expect(grand).toBeGreaterThan(0);
  const total = t.rows[12];
  expect(total.total).toBe(true);
  expect(total.cells[leaves.length]).toBe(grand);
  expect(t.rows.slice(0, 12).reduce((s, r) => s + (r.cells[leaves.length] as number), 0)).toBe(grand);
  expect(total.cells.slice(0, leaves.length).reduce((s: number, v) => s + (v as number), 0)).toBe(grand);
}

test.each([2023, 2024])('FY%i: every cell equals an independent count of the random consultations', async (fy) => {
  const t = await build(fy);
  expect(t.title).toBe(fy === 2023 ? '令和5年度 成年後見制度に関する相談件数' : '令和6年度 成年後見制度に関する相談件数');
  expect(t.rowHeader).toBe('月');
  checkEveryCell(t, fy);
});

test('the fiscal-year boundary: 3/31 counts in March of the old year, 4/1 in April of the new one', async () => {
  const t23 = await build(2023);
  const t24 = await build(2024);
  const onDay = (d: string) => w.rows.filter((g) => !g.deleted && g.consulted_on === d).length;
  const before = (d: string) => w.rows.filter((g) => !g.deleted && g.consulted_on.slice(0, 7) === d.slice(0, 7) && g.consulted_on !== d).length;
  expect(onDay('2024-03-31')).toBeGreaterThan(0);
  expect(onDay('2024-04-01')).toBeGreaterThan(0);
  const rowTotal = (t: Table, label: string) => t.rows.find((r) => r.label === label)!.cells.at(-1);
  expect(rowTotal(t23, '3月')).toBe(before('2024-03-31') + onDay('2024-03-31'));
  expect(rowTotal(t24, '4月')).toBe(w.rows.filter((g) => !g.deleted && g.consulted_on.startsWith('2024-04')).length);
  expect(rowTotal(t23, '4月')).toBe(w.rows.filter((g) => !g.deleted && g.consulted_on.startsWith('2023-04')).length);
});

test('a retired category still shows in the old year and not in a new year without rows', async () => {
  const { category, child, unused } = w.retired;
  expect(expectedCount(w.rows, 2023, category.id, () => true)).toBeGreaterThan(0);
  const t23 = await build(2023);
  const t24 = await build(2024);
  const labels = (t: Table) => t.columns.map((c) => c.csvLabel);
  expect(labels(t23)).toContain('旧相談種別');
  expect(labels(t23)).toContain('後見人支援/財産管理');
  expect(labels(t24)).not.toContain('旧相談種別');
  expect(labels(t24)).not.toContain('後見人支援/財産管理');
  expect(labels(t23)).not.toContain('廃止種別');
  expect(labels(t24)).toContain('後見人支援/身上保護');
  // FY2023: 後見人支援 spans its two children; FY2024: one child left under it.
  expect(t23.headerRows[0]).toContainEqual({ label: '後見人支援', colSpan: 2 });
  expect(t24.headerRows[0]).toContainEqual({ label: '後見人支援' });
  expect(t24.headerRows[1]).toEqual([{ label: '身上保護' }]);
  expect([category.retired, child.retired, unused.retired]).toEqual([true, true, true]);
});

test('a year without consultations shows zeros, never blanks, for every live category', async () => {
  const t = await build(2026);
  expect(t.title).toBe('令和8年度 成年後見制度に関する相談件数');
  expect(t.columns.map((c) => c.csvLabel)).toEqual([...w.masters.leaves.filter((l) => !l.retired).map((l) => l.csvLabel), '合計']);
  expect(t.rows).toHaveLength(13);
  for (const r of t.rows) for (const v of r.cells) expect(v).toBe(0);
});

test('FY2019 is called 令和元年度', async () => {
  expect((await build(2019)).title).toBe('令和元年度 成年後見制度に関する相談件数');
});

test('filters by ward, method, consultee and condition; the subtitle names them', async () => {
  const east = w.masters.wards.find((x) => x.label === '東区')!;
  const phone = w.masters.method.find((x) => x.label === '電話')!;
  const t = await build(2023, { ward: east.id, method: phone.id });
  checkEveryCell(t, 2023, (g) => g.ward_id === east.id && g.method_id === phone.id);
  expect(t.subtitle).toBe('対象期間：令和5年4月1日〜令和6年3月31日 絞り込み：区＝東区、相談方法＝電話');
  const kin = w.masters.consultee.find((x) => x.label === '親族')!;
  const dementia = w.masters.condition.find((x) => x.label === '認知症')!;
  checkEveryCell(await build(2024, { consultee: kin.id }), 2024, (g) => g.consultee_id === kin.id);
  checkEveryCell(await build(2024, { condition: dementia.id }), 2024, (g) => g.condition_id === dementia.id);
  expect((await build(2023)).subtitle).toBe('対象期間：令和5年4月1日〜令和6年3月31日');
});

test('an id that names nothing is a parameter error', async () => {
  await expect(build(2023, { ward: 999999 })).rejects.toThrow(ReportParamError);
  const method = w.masters.method[0];
  // A method id is not a condition id.
  await expect(build(2023, { condition: method.id })).rejects.toThrow(REPORT_MESSAGES.unknownFilter('疾病・障害'));
});
