import { CsvUnreadable, csvRecords } from '../../../src/features/imports/import-csv-records';
import { readCsv } from '../../../src/features/imports/import-csv';
import { consultationsImport } from '../../../src/features/consultations/consultations-import';
import { cellTooLong, csvBroken } from '../../../src/features/imports/import-messages';

const read = (text: string) => [...csvRecords(text)].map((r) => [r.row, r.cells]);
const failure = (text: string) => {
  try {
    read(text);
  } catch (e) {
    if (e instanceof CsvUnreadable) return [e.reason, e.row];
  }
  return null;
};

test('cells, quoted cells with commas, doubled quotes and line breaks; a quote inside a plain cell is kept', () => {
  expect(read('a,"b,c","say ""hi""","x\r\ny"\r\n5"m,,\r\n')).toEqual([
    [1, ['a', 'b,c', 'say "hi"', 'x\r\ny']],
    [2, ['5"m', '', '']],
  ]);
});

test('row numbers are the ones Excel shows: empty lines counted, a cell with line breaks is one row', () => {
  expect(read('\uFEFFh\r\n\r\n"1\n2\n3"\n\rlast')).toEqual([[1, ['h']], [3, ['1\n2\n3']], [5, ['last']]]);
  expect(read('a\nb\rc\r\nd')).toEqual([[1, ['a']], [2, ['b']], [3, ['c']], [4, ['d']]]);
  expect(read('')).toEqual([]);
  expect(read('\r\n\r\n')).toEqual([]);
});

test('text after a closing quote is kept; an unclosed quote names the row where its cell starts', () => {
  expect(read('"a"b,c')).toEqual([[1, ['ab', 'c']]]);
  expect(failure('h\r\nok\r\n"never closed\r\nmore')).toEqual(['unclosedQuote', 3]);
  expect(failure('h\r\n"a""')).toEqual(['unclosedQuote', 2]);
});

test('a cell may hold 32,767 characters, as in Excel, and no more (quoted or not, however written)', () => {
  const max = 'あ'.repeat(32_767);
  expect(read(`${max},"${max}"`)).toEqual([[1, [max, max]]]);
  expect(failure(`h\r\n${max}x`)).toEqual(['cellTooLong', 2]);
  expect(failure(`h\r\n"${max}x"`)).toEqual(['cellTooLong', 2]);
  expect(failure(`h\r\n"${'""'.repeat(2_000_000)}"`)).toEqual(['cellTooLong', 2]);
});

test('the file-level messages: where the quote opens, where the long cell is', async () => {
  const header = '相談日,相談種別\r\n';
  expect((await readCsv(`${header}2023-04-01,"制度説明\r\n`, consultationsImport.columns)).fileErrors).toEqual([csvBroken(2)]);
  expect((await readCsv(`${header}2023-04-01,制度説明\r\n2023-04-01,${'x'.repeat(40_000)}\r\n`, consultationsImport.columns)).fileErrors)
    .toEqual([cellTooLong(3)]);
  expect(cellTooLong(3)).toBe('3行目に32,767文字を超えるセルがあります。Excelの1つのセルに入る文字数までにしてください');
});

test('a long run of empty lines now and then gives a record without cells (a point to pause at), rows still counted', () => {
  const records = read(`h\r\n${'\r\n'.repeat(10_000)}x`);
  expect(records[0]).toEqual([1, ['h']]);
  expect(records.at(-1)).toEqual([10_002, ['x']]);
  expect(records.slice(1, -1)).toEqual([[4096, []], [8192, []]]);
});
