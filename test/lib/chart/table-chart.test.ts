/**
 * Chart data equals table data: the bars come from the Table's cells, and their geometry from the bars'
 * values; the annual report prints them with the same chart stack as the pages (src/lib/chart).
 */
import { barLayout, drawChart, tableChart } from '../../../src/lib/chart';
import { axisFor, niceStep } from '../../../src/lib/chart/scale';
import { createPdf, pdfToBuffer } from '../../../src/lib/pdf';
import { groupedHeader, withTotals, type Table } from '../../../src/lib/table/table';
import { counts, monthlyTable, MONTHS, pdfPages } from '../table/fixtures';

const NOW = new Date('2026-11-27T03:00:00Z');
const SIZE = { width: 770, height: 320 };

/** Five fiscal-year columns, rows by ward, then 計 (the petitions trend table's shape). */
function yearsTable(seed = 3): Table {
  const years = ['令和元年度', '令和2年度', '令和3年度', '令和4年度', '令和5年度'];
  const { headerRows, columns } = groupedHeader(years.map((label, i) => ({ key: `fy${2019 + i}`, label })));
  const wards = ['中央区', '東区', '西区', '南区', '北区'];
  const body = wards.map((label, i) => ({ label, cells: counts(seed + i, years.length, 9) }));
  return { id: 'petitions-yearly', title: '市長申立て件数', rowHeader: '区', headerRows, columns, rows: withTotals(body, { rowTotal: false }), notes: [] };
}

type Bar = { x: number; y: number; width: number; height: number; value: number; category: number };
const barsOf = (layout: ReturnType<typeof barLayout>) => layout.shapes.filter((s) => s.kind === 'bar') as unknown as Bar[];
const ticksOf = (layout: ReturnType<typeof barLayout>) => layout.shapes
  .filter((s) => s.kind === 'text' && s.role === 'tick')
  .map((s) => ({ value: Number((s as { text: string }).text.replace(/,/g, '')), y: (s as { y: number }).y - 4 }));

describe('tableChart', () => {
  test('by rows: one bar per month, each the sum of that month\'s category cells (the 合計 column)', () => {
    const t = monthlyTable({ seed: 11 });
    const chart = tableChart(t, { by: 'rows', caption: '月別の相談件数（合計）' });
    expect(chart.title).toBe('月別の相談件数（合計）');
    expect(chart.series.map((s) => s.label)).toEqual(['月別の相談件数（合計）']);
    expect(chart.categories).toEqual(MONTHS);
    // independent of withTotals: the month's 13 generated counts, summed here
    expect(chart.series[0].values).toEqual(MONTHS.map((_, i) => counts(11 + i, 13).reduce((a, b) => a + b, 0)));
  });

  test('by rows with a named column plots that column', () => {
    const t = monthlyTable({ seed: 5 });
    const chart = tableChart(t, { by: 'rows', caption: '問い合わせ', column: 'inquiry' });
    expect(chart.series[0].values).toEqual(MONTHS.map((_, i) => counts(5 + i, 13)[0]));
    expect(() => tableChart(t, { by: 'rows', caption: 'x', column: 'nope' })).toThrow(/nope/);
  });

  test('by columns: one bar per fiscal year, each the column\'s sum over the wards (the 計 row)', () => {
    const t = yearsTable(4);
    const chart = tableChart(t, { by: 'columns', caption: '年度別の市長申立て件数（計）' });
    expect(chart.categories).toEqual(t.columns.map((c) => c.label));
    const sums = t.columns.map((_, j) => [0, 1, 2, 3, 4].reduce((s, i) => s + counts(4 + i, 5, 9)[j], 0));
    expect(chart.series[0].values).toEqual(sums);
  });

  test('by columns leaves out the 合計 column', () => {
    const chart = tableChart(monthlyTable(), { by: 'columns', caption: '種別' });
    expect(chart.categories).toHaveLength(13);
    expect(chart.categories).not.toContain('合計');
  });
});

// One tick algorithm for pages and print: about five intervals of 1, 2 or 5 × 10^n, never below 1 for counts.
// (The annual PDF's own stack aimed at four intervals: 5 → 2, 41 → 20 and 100 → 50 there.)
describe('niceStep for counts', () => {
  test.each([[0, 1], [3, 1], [5, 1], [13, 5], [40, 10], [41, 10], [100, 20], [691, 200]])('%i → %i', (top, step) => {
    expect(niceStep(top, 5, 1)).toBe(step);
    expect(axisFor([0, top], true).ticks[1] ?? 1).toBe(step);
  });
});

describe('barLayout of a table chart', () => {
  test('each bar\'s height is its value over the axis maximum, standing on the baseline, in table order', () => {
    const chart = tableChart(monthlyTable({ seed: 21 }), { by: 'rows', caption: 'c' });
    const layout = barLayout(chart, SIZE);
    const values = chart.series[0].values as number[];
    const highest = Math.max(...values);
    const ticks = ticksOf(layout);
    const max = ticks[ticks.length - 1].value;
    const step = niceStep(highest, 5, 1);
    expect(max).toBeGreaterThanOrEqual(highest);
    expect(max % step).toBe(0);
    expect(max - highest).toBeLessThan(step);
    // ticks run from 0 at the baseline to max at the top of the plot
    expect(ticks[0].value).toBe(0);
    const baseline = ticks[0].y;
    const plotTop = ticks[ticks.length - 1].y;
    const bars = barsOf(layout);
    expect(bars.map((b) => b.category)).toEqual(values.map((_, i) => i));
    bars.forEach((bar, i) => {
      expect(bar.value).toBe(values[i]);
      expect(bar.height).toBeCloseTo((values[i] / max) * (baseline - plotTop), 6);
      expect(bar.y + bar.height).toBeCloseTo(baseline, 6);
      expect(bar.x + bar.width).toBeLessThanOrEqual(SIZE.width + 1e-6);
      if (i > 0) expect(bar.x).toBeGreaterThan(bars[i - 1].x);
    });
    expect(plotTop).toBeGreaterThan(0);
    expect(baseline).toBeLessThan(SIZE.height);
  });

  test('a bar twice as high as another has twice the value', () => {
    const bars = barsOf(barLayout({ title: 't', desc: 'd', categories: ['a', 'b', 'c'], series: [{ key: 'v', label: 't', values: [3, 6, 0] }] }, SIZE));
    expect(bars[1].height).toBeCloseTo(2 * bars[0].height, 6);
    expect(bars[2].height).toBe(0);
  });

  test('all zeros: an axis up to 5 in whole steps, no bar drawn up', () => {
    const layout = barLayout({ title: 't', desc: 'd', categories: ['a', 'b'], series: [{ key: 'v', label: 't', values: [0, 0] }] }, SIZE);
    expect(ticksOf(layout).map((t) => t.value)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(barsOf(layout).every((b) => b.height === 0)).toBe(true);
  });

  test('a label wider than its bar\'s slot takes two lines, and nothing is dropped that fits', () => {
    const categories = ['成年後見制度の利用についての相談', '短い'];
    const layout = barLayout({ title: 't', desc: 'd', categories: [...categories, 'c', 'd', 'e', 'f', 'g', 'h'], series: [{ key: 'v', label: 't', values: [1, 2, 3, 4, 5, 6, 7, 8] }] }, { width: 500, height: 300 });
    const texts = layout.shapes.filter((s) => s.kind === 'text' && s.role === 'category').map((s) => (s as { text: string }).text);
    expect(texts[0] + texts[1]).toBe(categories[0].slice(0, (texts[0] + texts[1]).length));
    expect(texts).toContain('短い');
  });
});

test('drawn in a PDF: the caption, every label and every value are in its text', async () => {
  const t = yearsTable(8);
  const chart = tableChart(t, { by: 'columns', caption: '年度別の市長申立て件数（計）' });
  const doc = createPdf({ title: 'chart', now: NOW });
  const layout = barLayout(chart, SIZE);
  expect(barsOf(layout)).toHaveLength(5);
  drawChart(doc, layout, { x: 40, y: 100, width: 500 });
  const [page] = pdfPages(await pdfToBuffer(doc));
  expect(page).toContain('年度別の市長申立て件数（計）');
  chart.categories.forEach((label, i) => {
    expect(page).toContain(label);
    expect(page).toContain(String(chart.series[0].values[i]));
  });
});
