/** Chart data equals table data: the bars come from the Table's cells, and their geometry from the bars' values. */
import { createPdf, drawBarChart, layoutBarChart, pdfToBuffer, tickStep } from '../../../src/lib/pdf';
import { tableChart } from '../../../src/lib/table/table-chart';
import { groupedHeader, withTotals, type Table } from '../../../src/lib/table/table';
import { counts, monthlyTable, MONTHS, pdfPages } from '../table/fixtures';

const NOW = new Date('2026-11-27T03:00:00Z');
const BOX = { x: 40, y: 100, width: 500, height: 210 };
const oneLine = (label: string) => [label];

/** Five fiscal-year columns, rows by ward, then 計 (the petitions trend table's shape). */
function yearsTable(seed = 3): Table {
  const years = ['令和元年度', '令和2年度', '令和3年度', '令和4年度', '令和5年度'];
  const { headerRows, columns } = groupedHeader(years.map((label, i) => ({ key: `fy${2019 + i}`, label })));
  const wards = ['中央区', '東区', '西区', '南区', '北区'];
  const body = wards.map((label, i) => ({ label, cells: counts(seed + i, years.length, 9) }));
  return { id: 'petitions-yearly', title: '市長申立て件数', rowHeader: '区', headerRows, columns, rows: withTotals(body, { rowTotal: false }), notes: [] };
}

describe('tableChart', () => {
  test('by rows: one bar per month, each the sum of that month\'s category cells (the 合計 column)', () => {
    const t = monthlyTable({ seed: 11 });
    const chart = tableChart(t, { by: 'rows', caption: '月別の相談件数（合計）' });
    expect(chart.title).toBe('月別の相談件数（合計）');
    expect(chart.bars.map((b) => b.label)).toEqual(MONTHS);
    // independent of withTotals: the month's 13 generated counts, summed here
    expect(chart.bars.map((b) => b.value)).toEqual(MONTHS.map((_, i) => counts(11 + i, 13).reduce((a, b) => a + b, 0)));
  });

  test('by rows with a named column plots that column', () => {
    const t = monthlyTable({ seed: 5 });
    const chart = tableChart(t, { by: 'rows', caption: '問い合わせ', column: 'inquiry' });
    expect(chart.bars.map((b) => b.value)).toEqual(MONTHS.map((_, i) => counts(5 + i, 13)[0]));
    expect(() => tableChart(t, { by: 'rows', caption: 'x', column: 'nope' })).toThrow(/nope/);
  });

  test('by columns: one bar per fiscal year, each the column\'s sum over the wards (the 計 row)', () => {
    const t = yearsTable(4);
    const chart = tableChart(t, { by: 'columns', caption: '年度別の市長申立て件数（計）' });
    expect(chart.bars.map((b) => b.label)).toEqual(t.columns.map((c) => c.label));
    const sums = t.columns.map((_, j) => [0, 1, 2, 3, 4].reduce((s, i) => s + counts(4 + i, 5, 9)[j], 0));
    expect(chart.bars.map((b) => b.value)).toEqual(sums);
  });

  test('by columns leaves out the 合計 column', () => {
    const chart = tableChart(monthlyTable(), { by: 'columns', caption: '種別' });
    expect(chart.bars).toHaveLength(13);
    expect(chart.bars.map((b) => b.label)).not.toContain('合計');
  });
});

describe('tickStep', () => {
  test.each([[0, 1], [3, 1], [5, 2], [13, 5], [40, 10], [41, 20], [100, 50], [691, 200]])('%i → %i', (top, step) => {
    expect(tickStep(top)).toBe(step);
  });
});

describe('layoutBarChart', () => {
  test('each bar\'s height is its value over the axis maximum, standing on the baseline, in table order', () => {
    const chart = tableChart(monthlyTable({ seed: 21 }), { by: 'rows', caption: 'c' });
    const layout = layoutBarChart(chart, BOX, oneLine);
    const highest = Math.max(...chart.bars.map((b) => b.value));
    expect(layout.max).toBeGreaterThanOrEqual(highest);
    expect(layout.max % tickStep(highest)).toBe(0);
    expect(layout.max - highest).toBeLessThan(tickStep(highest));
    const baseline = layout.plot.y + layout.plot.height;
    layout.bars.forEach((bar, i) => {
      expect(bar.label).toBe(chart.bars[i].label);
      expect(bar.labelLines).toEqual([chart.bars[i].label]);
      expect(bar.value).toBe(chart.bars[i].value);
      expect(bar.height).toBeCloseTo((chart.bars[i].value / layout.max) * layout.plot.height, 6);
      expect(bar.y + bar.height).toBeCloseTo(baseline, 6);
      expect(bar.x).toBeGreaterThanOrEqual(layout.plot.x);
      expect(bar.x + bar.width).toBeLessThanOrEqual(BOX.x + BOX.width + 1e-6);
      if (i > 0) expect(bar.x).toBeGreaterThan(layout.bars[i - 1].x);
    });
    // ticks run from 0 at the baseline to max at the top of the plot
    expect(layout.ticks[0]).toEqual({ value: 0, y: baseline });
    expect(layout.ticks[layout.ticks.length - 1].value).toBe(layout.max);
    expect(layout.ticks[layout.ticks.length - 1].y).toBeCloseTo(layout.plot.y, 6);
    expect(layout.plot.y).toBeGreaterThan(BOX.y);
    expect(baseline).toBeLessThan(BOX.y + BOX.height);
  });

  test('a bar twice as high as another has twice the value', () => {
    const layout = layoutBarChart({ title: 't', bars: [{ label: 'a', value: 3 }, { label: 'b', value: 6 }, { label: 'c', value: 0 }] }, BOX, oneLine);
    expect(layout.bars[1].height).toBeCloseTo(2 * layout.bars[0].height, 6);
    expect(layout.bars[2].height).toBe(0);
  });

  test('all zeros: an axis up to 1, no bar drawn up', () => {
    const layout = layoutBarChart({ title: 't', bars: [{ label: 'a', value: 0 }, { label: 'b', value: 0 }] }, BOX, oneLine);
    expect(layout.max).toBe(1);
    expect(layout.bars.every((b) => b.height === 0)).toBe(true);
  });
});

test('drawn in a PDF: the caption, every label and every value are in its text', async () => {
  const t = yearsTable(8);
  const chart = tableChart(t, { by: 'columns', caption: '年度別の市長申立て件数（計）' });
  const doc = createPdf({ title: 'chart', now: NOW });
  const layout = drawBarChart(doc, chart, BOX);
  expect(layout.bars).toHaveLength(5);
  const [page] = pdfPages(await pdfToBuffer(doc));
  expect(page).toContain('年度別の市長申立て件数（計）');
  for (const b of chart.bars) {
    expect(page).toContain(b.label);
    expect(page).toContain(String(b.value));
  }
});
