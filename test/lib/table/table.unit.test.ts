import { groupedHeader, layoutHeader, TOTAL_COLUMN, withTotals, type Table } from '../../../src/lib/table/table';
import { CATEGORY_GROUPS, monthlyTable } from './fixtures';

describe('groupedHeader', () => {
  it('builds two rows when a group has children: parents span their children, leaves span both rows', () => {
    const { headerRows, columns } = groupedHeader(CATEGORY_GROUPS, [TOTAL_COLUMN]);
    expect(headerRows).toHaveLength(2);
    expect(headerRows[0]).toHaveLength(13); // 11 leaf groups + 後見人支援 + 合計
    expect(headerRows[0][0]).toEqual({ label: '問い合わせ', rowSpan: 2 });
    expect(headerRows[0][4]).toEqual({ label: '後見人支援', colSpan: 2 });
    expect(headerRows[0][12]).toEqual({ label: '合計', rowSpan: 2 });
    expect(headerRows[1]).toEqual([{ label: '身上保護' }, { label: '財産管理' }]);
    expect(columns).toHaveLength(14);
    expect(columns[4]).toEqual({ key: 'support-welfare', label: '身上保護', csvLabel: '後見人支援/身上保護' });
    expect(columns[0]).toEqual({ key: 'inquiry', label: '問い合わせ', csvLabel: '問い合わせ' });
    expect(columns[13]).toEqual({ key: 'total', label: '合計', csvLabel: '合計', total: true });
  });

  it('builds a single row when no group has children, keying a childless group by its label by default', () => {
    const { headerRows, columns } = groupedHeader([{ label: '来所' }, { key: 'phone', label: '電話' }]);
    expect(headerRows).toEqual([[{ label: '来所' }, { label: '電話' }]]);
    expect(columns.map((c) => c.key)).toEqual(['来所', 'phone']);
  });
});

describe('withTotals', () => {
  it('appends a row total and a 計 row whose cells are the column totals', () => {
    const rows = withTotals(
      [
        { label: '4月', cells: [1, 2, null] },
        { label: '5月', cells: [3, '未実施', 4] },
      ],
      { rowTotal: true, colTotalLabel: '計' },
    );
    expect(rows).toEqual([
      { label: '4月', cells: [1, 2, null, 3] },
      { label: '5月', cells: [3, '未実施', 4, 7] },
      { label: '計', cells: [4, 2, 4, 10], total: true },
    ]);
  });

  it('totals a column without numbers to null, and can leave out either total', () => {
    expect(withTotals([{ label: 'a', cells: ['x', 1] }], { rowTotal: false })).toEqual([
      { label: 'a', cells: ['x', 1] },
      { label: '計', cells: [null, 1], total: true },
    ]);
    expect(withTotals([{ label: 'a', cells: [1, 2] }], { rowTotal: true, colTotalLabel: null })).toEqual([
      { label: 'a', cells: [1, 2, 3] },
    ]);
  });

  it('makes row totals, column totals and the grand total agree on the monthly table', () => {
    const t = monthlyTable();
    const body = t.rows.filter((r) => !r.total);
    const totalRow = t.rows[t.rows.length - 1];
    const num = (v: unknown): number => v as number;
    for (const r of body) expect(num(r.cells[13])).toBe(r.cells.slice(0, 13).reduce((a, b) => num(a) + num(b), 0));
    for (let j = 0; j < 14; j++) expect(totalRow.cells[j]).toBe(body.reduce((a, r) => a + num(r.cells[j]), 0));
    expect(totalRow.cells[13]).toBe(body.reduce((a, r) => a + num(r.cells[13]), 0));
  });
});

describe('layoutHeader', () => {
  it('places spanning cells on the column grid', () => {
    const placed = layoutHeader(monthlyTable());
    expect(placed.find((p) => p.label === '後見人支援')).toEqual({ label: '後見人支援', row: 0, col: 4, rowSpan: 1, colSpan: 2 });
    expect(placed.find((p) => p.label === '財産管理')).toEqual({ label: '財産管理', row: 1, col: 5, rowSpan: 1, colSpan: 1 });
    expect(placed.find((p) => p.label === '後見人候補者')).toMatchObject({ row: 0, col: 6, rowSpan: 2 });
  });

  it('rejects a header or a row that does not match the columns', () => {
    const t = monthlyTable();
    const short: Table = { ...t, rows: [{ label: 'x', cells: [1] }] };
    expect(() => layoutHeader(short)).toThrow(/row 'x' has 1 cells, expected 14/);
    const gap: Table = { ...t, headerRows: [t.headerRows[0], t.headerRows[1].slice(1)] };
    expect(() => layoutHeader(gap)).toThrow(/header row 2 does not cover 14 columns/);
  });
});
