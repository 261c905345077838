/**
 * CSV renderer: UTF-8 with BOM (Excel opens it as UTF-8; Shift_JIS cannot hold every name),
 * CRLF line ends, RFC 4180 quoting, one header row with children named '親/子'.
 */
import type { Table } from './table';

const BOM = '\uFEFF';

type Cell = number | string | null | undefined;

/** Text that a spreadsheet would run as a formula gets a leading apostrophe (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

function field(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Any list of rows (e.g. the audit log) as Excel-ready CSV. */
export function rowsToCsv(header: string[], rows: Cell[][]): Buffer {
  const lines = [header, ...rows].map((cells) => cells.map(field).join(','));
  return Buffer.from(BOM + lines.map((l) => `${l}\r\n`).join(''), 'utf8');
}

export function tableToCsv(t: Table): Buffer {
  return rowsToCsv(
    [t.rowHeader, ...t.columns.map((c) => c.csvLabel)],
    t.rows.map((r) => [r.label, ...r.cells]),
  );
}
