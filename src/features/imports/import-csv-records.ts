import { MAX_CELL_CHARS } from './import-limits';

/** A record as read from CSV text: its cells as written, and the row number Excel shows for it. */
export interface CsvRecord { row: number; cells: string[] }

/** Why the text cannot be read as CSV, and the row where the trouble starts. */
export class CsvUnreadable extends Error {
  constructor(readonly reason: 'unclosedQuote' | 'cellTooLong', readonly row: number) { super(reason); }
}

/** In a long run of empty lines, one in this many is given as a record without cells: a point to pause at. */
const EMPTY_RUN = 4096;
const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;

/** Just past the line end at `i` (CRLF, LF or CR); `i` itself when there is none. */
function pastLineEnd(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === LF) return i + 1;
  if (c === CR) return text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
  return i;
}

/** An unquoted cell from `start` to the next comma or line end; a quote inside is kept as written. */
function plainCell(text: string, start: number, row: number): [string, number] {
  let i = start;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === COMMA || c === CR || c === LF) break;
    if (i - start === MAX_CELL_CHARS) throw new CsvUnreadable('cellTooLong', row);
    i++;
  }
  return [text.slice(start, i), i];
}

/**
 * A quoted cell: commas and line breaks inside are text, "" is one quote. The search for the
 * closing quote stops once the cell is surely too long (every character a doubled quote), so
 * that no single cell, however written, takes long to read.
 */
function quotedCell(text: string, start: number, row: number): [string, number] {
  let q = text.indexOf('"', start + 1);
  while (q >= 0 && text.charCodeAt(q + 1) === QUOTE) {
    if (q - start > 2 * MAX_CELL_CHARS) throw new CsvUnreadable('cellTooLong', row);
    q = text.indexOf('"', q + 2);
  }
  if (q < 0) throw new CsvUnreadable('unclosedQuote', row);
  // whatever follows the closing quote up to the next comma is kept too (Excel never writes any)
  const [rest, end] = plainCell(text, q + 1, row);
  const value = text.slice(start + 1, q).replaceAll('""', '"') + rest;
  if (value.length > MAX_CELL_CHARS) throw new CsvUnreadable('cellTooLong', row);
  return [value, end];
}

/**
 * Reads CSV as Excel writes it (RFC 4180): cells split by commas, records by CRLF, LF or CR.
 * Empty lines give no record but are counted, so every record keeps Excel's row number (a cell
 * with line breaks is still one row). One record at a time, so the caller can stop at a limit
 * or pause between records; every character is looked at once, no error object is made per row,
 * so a file of blank lines costs little more than its length (now and then one comes out as a
 * record without cells, so that the caller can pause). A cell longer than MAX_CELL_CHARS stops
 * the reading.
 */
export function* csvRecords(text: string): Generator<CsvRecord, void, undefined> {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let row = 1; i < text.length; row++) {
    const next = pastLineEnd(text, i);
    if (next !== i) {
      i = next;
      if (row % EMPTY_RUN === 0) yield { row, cells: [] };
      continue;
    }
    const cells: string[] = [];
    for (;;) {
      const [cell, end] = text.charCodeAt(i) === QUOTE ? quotedCell(text, i, row) : plainCell(text, i, row);
      cells.push(cell);
      if (text.charCodeAt(end) !== COMMA) {
        i = pastLineEnd(text, end);
        break;
      }
      i = end + 1;
    }
    yield { row, cells };
  }
}
