import { barChartSvg, barLayout, lineChartSvg, lineLayout, seriesFromTable } from '../../../src/lib/chart';
import { axisFor } from '../../../src/lib/chart/scale';
import { esc } from '../../../src/lib/chart/svg';
import { groupedHeader, type Table } from '../../../src/lib/table/table';
import { drawnValues, seriesValues } from './chart-data';

const data = {
  title: '相談件数', desc: '今年と前年', categories: ['今月', '年度累計'], unit: '件',
  series: [{ key: 'current', label: '今年', values: [12, 340] }, { key: 'previous', label: '前年同期', values: [9, null] }],
};

test('a bar chart draws one bar per value, each carrying its value; none for a missing value', () => {
  const svg = barChartSvg(data, 'c1');
  expect(drawnValues(svg)).toEqual([
    { series: 'current', category: 0, value: 12 }, { series: 'previous', category: 0, value: 9 }, { series: 'current', category: 1, value: 340 },
  ]);
  // every bar's value is written above it, for print
  for (const v of ['12', '9', '340']) expect(svg).toContain(`font-weight="bold">${v}</text>`);
});

test('bars are as tall as their values, on a zero-based axis', () => {
  const bars = barLayout(data).shapes.filter((s) => s.kind === 'bar') as { height: number; value: number }[];
  const perUnit = bars.map((b) => b.height / b.value);
  for (const r of perUnit) expect(r).toBeCloseTo(perUnit[0], 6);
  expect(axisFor([12, 340, 9], true).min).toBe(0);
});

test('the SVG is an accessible image with title and description, no script and no style attribute', () => {
  const svg = lineChartSvg({ ...data, title: '推移', desc: '説明' }, 'c2');
  expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="c2-title c2-desc"/);
  expect(svg).toContain('<title id="c2-title">推移</title><desc id="c2-desc">説明</desc>');
  expect(svg).not.toMatch(/<script|style=|\son[a-z]+=|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
});

test('a line chart has a point per value and breaks the line where a value is missing', () => {
  const layout = lineLayout({ ...data, categories: ['a', 'b', 'c', 'd'], series: [{ key: 's', label: 'S', values: [1, 2, null, 4] }] });
  expect(layout.shapes.filter((s) => s.kind === 'point')).toHaveLength(3);
  const paths = layout.shapes.filter((s) => s.kind === 'path') as { points: unknown[] }[];
  expect(paths.map((p) => p.points.length)).toEqual([2]);
});

test('text from data is escaped; a bad id is refused', () => {
  const svg = barChartSvg({ ...data, title: '<script>x</script>', categories: ['"&<>', 'b'] }, 'c3');
  expect(svg).not.toContain('<script>');
  expect(svg).toContain('&lt;script&gt;x&lt;/script&gt;');
  expect(svg).toContain('&#34;&amp;&lt;&gt;');
  expect(esc(`'`)).toBe('&#39;');
  expect(() => barChartSvg(data, 'x" onload="y')).toThrow();
});

test('series read off a table draw exactly the table cells (blanks and text are gaps)', () => {
  const { headerRows, columns } = groupedHeader([{ key: 'a', label: 'A' }, { key: 'b', label: 'B' }]);
  const t: Table = {
    id: 't', title: 'T', rowHeader: '年', headerRows, columns, notes: [],
    rows: [{ label: '2023', cells: [1544, 1544] }, { label: '2024', cells: ['記録なし', 1581.5] }, { label: '計', cells: [1, 1], total: true }],
  };
  const { categories, series } = seriesFromTable(t, [{ column: 'a' }, { column: 'b' }]);
  expect(categories).toEqual(['2023', '2024']);
  const drawn = drawnValues(lineChartSvg({ title: 'x', desc: 'y', categories, series }, 'c4'));
  expect(seriesValues(drawn, 'a', 2)).toEqual([1544, undefined]);
  expect(seriesValues(drawn, 'b', 2)).toEqual([1544, 1581.5]);
  expect(() => seriesFromTable(t, [{ column: 'zz' }])).toThrow();
});

test('an empty or flat series still gets an axis with round ticks', () => {
  expect(axisFor([], true)).toEqual({ min: 0, max: 5, ticks: [0, 1, 2, 3, 4, 5] });
  const a = axisFor([1544, 1844], false);
  expect(a.min).toBeLessThanOrEqual(1544);
  expect(a.max).toBeGreaterThanOrEqual(1844);
  expect(a.min).toBeGreaterThan(0);
});
