import iconv from 'iconv-lite';

/** CSV files as Excel writes them: CRLF, cells quoted when they hold a comma, a quote or a newline. */
export const HEADER = ['相談日', '相談種別', '相談方法', '相談者', '区', '内容', '対応'];

const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
export const csv = (rows: string[][]) => rows.map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';

export const utf8 = (text: string) => Buffer.from(text, 'utf8');
export const utf8Bom = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
export const shiftJis = (text: string) => iconv.encode(text, 'cp932');

/** Four good rows covering every date form, a child category, empty optional cells and quoted text. */
export const GOOD_ROWS = [
  ['2023-04-01', '制度説明', '電話', '親族', '東区', '制度について、"引用"あり, カンマも', '説明した'],
  ['2023/4/1', '後見人支援/身上保護', '来所', '本人', '', '', ''],
  ['令和5年4月1日', '問い合わせ', '', '', '中央区', '内容\n改行あり', ''],
  ['R5.4.1', '後見人支援／財産管理', '訪問', 'ケアマネジャー', '北区', '', '対応のみ'],
];

export const goodCsv = () => csv([HEADER, ...GOOD_ROWS]);

/** n good rows, each with content 'marker-i' so a test can find them. */
export function manyRows(n: number, marker: string): string[][] {
  return Array.from({ length: n }, (_, i) => ['2024-05-01', '制度説明', '電話', '本人', '西区', `${marker}-${i + 1}`, '']);
}
