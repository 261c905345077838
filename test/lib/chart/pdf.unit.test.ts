import { barLayout, drawChart, lineLayout } from '../../../src/lib/chart';
import { createPdf, pdfToBuffer } from '../../../src/lib/pdf';
import { pdfPages } from '../table/fixtures';

test('a bar and a line chart drawn into a PDF carry their labels and values as text', async () => {
  const doc = createPdf({ title: 'グラフ', now: new Date('2026-11-27T01:00:00Z'), layout: 'portrait' });
  const bar = barLayout({
    title: '相談件数', desc: 'd', categories: ['今月', '年度累計'],
    series: [0, 1, 2, 3, 4].map((i) => ({ key: `s${i}`, label: `系列${i}`, values: [10 + i, 200 + i] })),
  });
  const h = drawChart(doc, bar, { x: 40, y: 60, width: 400 });
  expect(h).toBeCloseTo((bar.height * 400) / bar.width, 6);
  drawChart(doc, lineLayout({
    title: '推移', desc: 'd', categories: ['2023', '2024', '2025'],
    series: [{ key: 'a', label: '実績', values: [1544, null, 1620], labels: true }, { key: 'p', label: '計画値', values: [1544, 1581.5, 1619] }],
  }), { x: 40, y: 80 + h, width: 480 });
  const text = pdfPages(await pdfToBuffer(doc)).join('\n');
  for (const s of ['今月', '年度累計', '系列0', '系列4', '10', '204', '実績', '計画値', '1,544', '1,620', '2024']) expect(text).toContain(s);
});
