/**
 * Excel renderer (exceljs): one worksheet per table, the title on row 1, the grouped header
 * with merged cells, numbers stored as numbers, bold totals, notes under the table.
 */
import * as ExcelJS from 'exceljs';
import { layoutHeader, type Table } from './table';

const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };

/** Display width in Excel's character units: full-width characters count two. */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    w += cp <= 0xff || (cp >= 0xff61 && cp <= 0xff9f) ? 1 : 2;
  }
  return w;
}

/** Excel's rules: at most 31 characters, none of []:*?/\, no apostrophe at either end, unique (case-insensitive). */
export function sheetName(wanted: string, used: Set<string>): string {
  const clean = wanted.replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '').trim() || 'Sheet';
  const cut = (s: string, max: number): string => {
    let out = '';
    for (const ch of s) {
      if (out.length + ch.length > max) break;
      out += ch;
    }
    return out.trim();
  };
  let name = cut(clean, 31);
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${cut(clean, 31 - ` (${i})`.length)} (${i})`;
  used.add(name.toLowerCase());
  return name;
}

/** Adds one worksheet holding the table; returns the sheet's name (unique among `used`). */
export function addTableSheet(wb: ExcelJS.Workbook, t: Table, used: Set<string>): string {
  const header = layoutHeader(t);
  const ws = wb.addWorksheet(sheetName(t.title || t.id, used));
  const h = t.headerRows.length;
  ws.getCell(1, 1).value = t.title;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  if (t.subtitle) ws.getCell(2, 1).value = t.subtitle;
  const top = t.subtitle ? 4 : 3;

  const box = (r1: number, c1: number, r2: number, c2: number, label: string): void => {
    for (let r = r1; r <= r2; r++) {
      for (let c = c1; c <= c2; c++) {
        const cell = ws.getCell(r, c);
        cell.border = BORDER;
        cell.fill = HEADER_FILL;
        cell.font = { bold: true };
        cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      }
    }
    ws.getCell(r1, c1).value = label;
    if (r2 > r1 || c2 > c1) ws.mergeCells(r1, c1, r2, c2);
  };
  box(top, 1, top + h - 1, 1, t.rowHeader);
  for (const p of header) box(top + p.row, 2 + p.col, top + p.row + p.rowSpan - 1, 1 + p.col + p.colSpan, p.label);

  t.rows.forEach((row, i) => {
    const r = top + h + i;
    const label = ws.getCell(r, 1);
    label.value = row.label;
    label.border = BORDER;
    label.font = { bold: true };
    row.cells.forEach((value, j) => {
      const cell = ws.getCell(r, 2 + j);
      cell.value = value;
      cell.border = BORDER;
      if (row.total || t.columns[j].total) cell.font = { bold: true };
      if (typeof value === 'number') {
        const fmt = Number.isInteger(value) ? '#,##0' : '#,##0.0##';
        cell.numFmt = row.marks?.[j] ? `"※"${fmt}` : fmt;
      } else if (typeof value === 'string') {
        cell.alignment = { horizontal: 'center' };
      }
    });
  });

  const notesAt = top + h + t.rows.length + 1;
  t.notes.forEach((note, i) => {
    ws.getCell(notesAt + i, 1).value = note;
  });

  const widest = (texts: string[]): number => Math.max(0, ...texts.map(textWidth));
  ws.getColumn(1).width = Math.min(30, Math.max(8, widest([t.rowHeader, ...t.rows.map((r) => r.label)]) + 2));
  t.columns.forEach((col, j) => {
    const shown = t.rows.map((r) => {
      const v = r.cells[j];
      const text = v === null ? '' : typeof v === 'number' ? v.toLocaleString('ja-JP') : v;
      return r.marks?.[j] ? `※${text}` : text;
    });
    ws.getColumn(2 + j).width = Math.min(20, Math.max(8, widest([col.label, ...shown]) + 2));
  });
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: top + h - 1 }];
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: t.columns.length > 10 ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
  };
  return ws.name;
}

export async function tableToXlsx(t: Table | Table[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '成年後見支援センター';
  const used = new Set<string>();
  for (const table of Array.isArray(t) ? t : [t]) addTableSheet(wb, table, used);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
