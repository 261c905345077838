import { ImportColumn, SourceRow } from '../../contracts/import-kind';
import { IMPORT_MESSAGES, cellTooLong, csvBroken, duplicateColumn, missingColumn, tooManyRows, unknownColumn } from './import-messages';
import { CsvUnreadable, csvRecords } from './import-csv-records';
import { MAX_IMPORT_ROWS, workSlices } from './import-limits';
import iconv from 'iconv-lite';

export interface CsvRead {
  /** problems that stop the whole file (no row is read) */
  fileErrors: string[];
  /** columns that are not imported (ignored) */
  warnings: string[];
  rows: SourceRow[];
}

const clean = (s: string | undefined) => (s ?? '').replace(/^\uFEFF/, '').normalize('NFKC').trim();
const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');

/** The header's problems and ignored columns, and where each known column is (-1: absent). */
function readHeader(cells: string[], columns: ImportColumn[]) {
  const header = cells.map(clean);
  const known = new Set(columns.map((c) => c.name));
  const fileErrors: string[] = [];
  const warnings: string[] = [];
  const seen = new Set<string>();
  header.forEach((name) => {
    if (name === '') return;
    if (seen.has(name)) fileErrors.push(duplicateColumn(name));
    else if (!known.has(name)) warnings.push(unknownColumn(name));
    seen.add(name);
  });
  for (const c of columns) if (c.required && !seen.has(c.name)) fileErrors.push(missingColumn(c.name));
  return { fileErrors, warnings, indexOf: columns.map((c) => [c.name, header.indexOf(c.name)] as const) };
}

/**
 * Parses CSV text: the first non-blank row is the header; columns are matched by name
 * (any order; spaces, full-width forms and a BOM tolerated). Blank rows are skipped but
 * still counted, so every row keeps the number Excel shows for it. A file with more than
 * MAX_IMPORT_ROWS data rows is refused as soon as the next one is met; the reading pauses
 * between slices of work so that other requests are answered meanwhile.
 */
export async function readCsv(text: string, columns: ImportColumn[]): Promise<CsvRead> {
  const records = csvRecords(text);
  const slices = workSlices();
  const fail = (fileErrors: string[], warnings: string[] = []): CsvRead => ({ fileErrors, warnings, rows: [] });
  let header: ReturnType<typeof readHeader> | null = null;
  const rows: SourceRow[] = [];
  try {
    for (let r = records.next(); !r.done; r = records.next()) {
      if (slices.due()) await slices.pause();
      const { row, cells } = r.value;
      if (isBlank(cells)) continue;
      if (!header) {
        header = readHeader(cells, columns);
        if (header.fileErrors.length > 0) return fail(header.fileErrors, header.warnings);
      } else if (rows.length === MAX_IMPORT_ROWS) {
        return fail([tooManyRows], header.warnings);
      } else {
        rows.push({ row, cells: Object.fromEntries(header.indexOf.map(([name, at]) => [name, at < 0 ? '' : (cells[at] ?? '').trim()])) });
      }
    }
  } catch (e) {
    if (e instanceof CsvUnreadable) return fail([e.reason === 'unclosedQuote' ? csvBroken(e.row) : cellTooLong(e.row)]);
    throw e;
  }
  if (!header) return fail([IMPORT_MESSAGES.noHeader]);
  return { fileErrors: rows.length === 0 ? [IMPORT_MESSAGES.noRows] : [], warnings: header.warnings, rows };
}

export type DetectedEncoding = 'UTF-8（BOM付き）' | 'UTF-8' | 'Shift_JIS';
export type Decoded = { ok: true; text: string; encoding: DetectedEncoding } | { ok: false; reason: 'utf16' };

const UTF8_BOM = [0xef, 0xbb, 0xbf];
/** Bytes decoded in one go: a whole 5 MB file at once would hold up other requests for tens of milliseconds. */
const PIECE_BYTES = 256 * 1024;

/** The bytes through a streaming decoder, piece by piece, pausing between slices of work. */
async function inPieces(bytes: Buffer, decode: (piece: Buffer, last: boolean) => string): Promise<string> {
  const slices = workSlices();
  const parts: string[] = [];
  for (let at = 0; at < bytes.length; at += PIECE_BYTES) {
    if (slices.due()) await slices.pause();
    parts.push(decode(bytes.subarray(at, at + PIECE_BYTES), at + PIECE_BYTES >= bytes.length));
  }
  return parts.join('');
}

const utf8 = (bytes: Buffer, fatal: boolean) => {
  const decoder = new TextDecoder('utf-8', { fatal, ignoreBOM: true });
  return inPieces(bytes, (piece, last) => decoder.decode(piece, { stream: !last }));
};

const shiftJis = (bytes: Buffer) => {
  const decoder = iconv.getDecoder('cp932');
  return inPieces(bytes, (piece, last) => decoder.write(piece) + (last ? decoder.end() ?? '' : ''));
};

/**
 * Reads a CSV file's bytes as text. A UTF-8 BOM means UTF-8; otherwise bytes that are
 * valid UTF-8 are UTF-8; anything else is taken as Shift_JIS (CP932, as Excel saves it).
 */
export async function decodeCsv(bytes: Buffer): Promise<Decoded> {
  if (UTF8_BOM.every((b, i) => bytes[i] === b)) {
    return { ok: true, text: await utf8(bytes.subarray(3), false), encoding: 'UTF-8（BOM付き）' };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return { ok: false, reason: 'utf16' };
  try {
    return { ok: true, text: await utf8(bytes, true), encoding: 'UTF-8' };
  } catch {
    return { ok: true, text: await shiftJis(bytes), encoding: 'Shift_JIS' };
  }
}

/** A zip archive (.xlsx, .docx): someone uploaded the workbook instead of a CSV. */
export function looksLikeZip(bytes: Buffer): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}
