import { parse } from 'csv-parse/sync';
import { ImportColumn, SourceRow } from './import-spec';
import { IMPORT_MESSAGES, csvBroken, duplicateColumn, missingColumn, unknownColumn } from './import-messages';

export interface CsvRead {
  /** problems that stop the whole file (no row is read) */
  fileErrors: string[];
  /** columns that are not imported (ignored) */
  warnings: string[];
  rows: SourceRow[];
}

const clean = (s: string | undefined) => (s ?? '').replace(/^\uFEFF/, '').normalize('NFKC').trim();
const isBlank = (record: string[]) => record.every((c) => c.trim() === '');

function readRecords(text: string): { ok: true; records: string[][] } | { ok: false; error: string } {
  try {
    const records = parse(text, { relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true }) as string[][];
    return { ok: true, records };
  } catch (e) {
    return { ok: false, error: csvBroken((e as { lines?: number }).lines) };
  }
}

/**
 * Parses CSV text: the first non-blank row is the header; columns are matched by name
 * (any order; spaces, full-width forms and a BOM tolerated). Blank rows are skipped but
 * still counted, so every row keeps the number Excel shows for it.
 */
export function readCsv(text: string, columns: ImportColumn[]): CsvRead {
  const read = readRecords(text);
  if (!read.ok) return { fileErrors: [read.error], warnings: [], rows: [] };
  const headerIndex = read.records.findIndex((r) => !isBlank(r));
  if (headerIndex < 0) return { fileErrors: [IMPORT_MESSAGES.noHeader], warnings: [], rows: [] };

  const header = read.records[headerIndex].map(clean);
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
  if (fileErrors.length > 0) return { fileErrors, warnings, rows: [] };

  const indexOf = columns.map((c) => [c.name, header.indexOf(c.name)] as const);
  const rows: SourceRow[] = [];
  read.records.forEach((record, i) => {
    if (i <= headerIndex || isBlank(record)) return;
    const cells = Object.fromEntries(indexOf.map(([name, at]) => [name, at < 0 ? '' : (record[at] ?? '').trim()]));
    rows.push({ row: i + 1, cells });
  });
  if (rows.length === 0) fileErrors.push(IMPORT_MESSAGES.noRows);
  return { fileErrors, warnings, rows };
}
