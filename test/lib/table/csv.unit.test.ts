import { tableToCsv } from '../../../src/lib/table/csv';
import { groupedHeader, withTotals, type Table } from '../../../src/lib/table/table';

describe('tableToCsv', () => {
  it('writes UTF-8 with BOM, CRLF, one header row with 親/子 names and RFC 4180 quoting', () => {
    const { headerRows, columns } = groupedHeader(
      [{ key: 'a', label: '制度説明' }, { label: '後見人支援', children: [{ key: 'b', label: '身上保護' }, { key: 'c', label: '財産管理' }] }],
      [{ key: 'total', label: '合計', total: true }],
    );
    const t: Table = {
      id: 't',
      title: 'x',
      rowHeader: '区',
      headerRows,
      columns,
      rows: withTotals([
        { label: '中央区, 東区', cells: [1, 2, 3] },
        { label: '"南区"', cells: [0, null, 5] },
        { label: '=SUM(A1)', cells: [1, 'a\nb', -2] },
      ]),
      notes: ['not in the CSV'],
    };
    const buf = tableToCsv(t);
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(buf.toString('utf8')).toBe(
      '\uFEFF' +
        '区,制度説明,後見人支援/身上保護,後見人支援/財産管理,合計\r\n' +
        '"中央区, 東区",1,2,3,6\r\n' +
        '"""南区""",0,,5,5\r\n' +
        `'=SUM(A1),1,"a\nb",-2,-1\r\n` +
        '計,2,2,6,10\r\n',
    );
  });
});
