/** The table renderer with every label at a master's maximum (60 characters): header cells, merged cells and row labels wrap inside their cells. */
import { tableToPdf } from '../../../src/lib/table/pdf';
import { groupedHeader, withTotals, type Table } from '../../../src/lib/table/table';
import { layoutProblems, readPdfs } from './pdf-layout';

const NOW = new Date('2026-11-27T03:00:00Z');
const label = (n: number) => `${n}${'熊本後見支援成年'.repeat(8)}`.slice(0, 60);

function longTable(columns: number): Table {
  const groups = Array.from({ length: columns - 2 }, (_, i) => ({ key: `c${i}`, label: label(i) }));
  const { headerRows, columns: cols } = groupedHeader(
    [{ label: label(90), children: [{ key: 'a', label: label(91) }, { key: 'b', label: label(92) }] }, ...groups],
    [{ key: 'total', label: '合計', total: true }],
  );
  const body = Array.from({ length: 8 }, (_, r) => ({ label: label(100 + r), cells: Array.from({ length: columns }, (_, j) => 123_456_789 * (j + r)) }));
  return { id: 'long', title: label(0).repeat(3), subtitle: label(1), rowHeader: label(2), headerRows, columns: cols, rows: withTotals(body), notes: [label(3).repeat(4)] };
}

test.each([4, 9, 14])('%i columns of 60-character labels: no text over text, over a rule or off the page', async (n) => {
  const [pages] = readPdfs([await tableToPdf(longTable(n), { now: NOW })]);
  expect(pages.flatMap((p, i) => layoutProblems(p).map((m) => `p.${i + 1}: ${m}`))).toEqual([]);
  expect(pages.flatMap((p) => p.runs.map((r) => r.str)).join('')).toContain('合計');
}, 60_000);
