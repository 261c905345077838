/**
 * PDF renderer: title and subtitle, a ruled grid with the grouped header (merged cells)
 * repeated after every page break, right-aligned numbers, bold totals, notes. drawTable
 * places a table in any document from src/lib/pdf; tableToPdf makes a whole document.
 */
import { createPdf, drawLines, LINE_HEIGHT, PAGE_MARGINS, pdfToBuffer, textWidth, wrapText } from '../pdf';
import { layoutHeader, type Row, type Table } from './table';

const SIZE = { title: 14, subtitle: 10, cell: 9, note: 8 };
const PAD_X = 4;
const PAD_Y = 3;
const HEADER_FILL = '#ececec';
const LH = SIZE.cell * LINE_HEIGHT;

/** Landscape when the table has more than 10 data columns. */
export function pdfLayoutFor(t: Table): 'portrait' | 'landscape' {
  return t.columns.length > 10 ? 'landscape' : 'portrait';
}

function cellText(row: Row, j: number): string {
  const v = row.cells[j];
  const text = v === null ? '' : typeof v === 'number' ? v.toLocaleString('ja-JP') : v;
  return row.marks?.[j] ? `※${text}` : text;
}

type Doc = PDFKit.PDFDocument;
interface Box { x: number; y: number; width: number; height: number }

function cell(doc: Doc, box: Box, lines: string[], o: { bold?: boolean; align: 'left' | 'center' | 'right'; fill?: string }): void {
  if (o.fill) doc.save().rect(box.x, box.y, box.width, box.height).fill(o.fill).restore();
  doc.lineWidth(0.5).rect(box.x, box.y, box.width, box.height).stroke();
  const inner = { x: box.x + PAD_X, y: box.y, width: box.width - 2 * PAD_X, height: box.height };
  drawLines(doc, lines, inner, { size: SIZE.cell, bold: o.bold, align: o.align });
}

/** Draws lines of text at the left margin from doc.y, breaking pages as needed. */
function paragraph(doc: Doc, text: string, size: number, bold = false): void {
  const { left, right } = doc.page.margins;
  const width = doc.page.width - left - right;
  for (const line of wrapText(doc, text, width, { size, bold })) {
    if (doc.y + size * LINE_HEIGHT > doc.page.height - doc.page.margins.bottom) nextPage(doc);
    drawLines(doc, [line], { x: left, y: doc.y, width, height: size * LINE_HEIGHT }, { size, bold, align: 'left' });
    doc.y += size * LINE_HEIGHT;
  }
}

function nextPage(doc: Doc): void {
  const { size, layout, margins } = doc.page;
  doc.addPage({ size, layout: layout as 'portrait' | 'landscape', margins });
  doc.y = margins.top;
}

/** Draws the table (title, subtitle, grid, notes) from doc.y; leaves doc.y below it. */
export function drawTable(doc: Doc, t: Table): void {
  const header = layoutHeader(t);
  const { left, right } = doc.page.margins;
  const avail = doc.page.width - left - right;
  const n = t.columns.length;
  const w = (text: string, bold = false): number => textWidth(doc, text, { size: SIZE.cell, bold }) + 2 * PAD_X;

  // Column widths: the row-label column fits its labels (≤ 30%); data columns share the rest equally.
  const labelW = Math.min(avail * 0.3, Math.max(48, w(t.rowHeader, true), ...t.rows.map((r) => w(r.label, true))));
  const valuesW = Math.max(36, ...t.rows.flatMap((r) => r.cells.map((_, j) => w(cellText(r, j), true))));
  const leafW = Math.max(0, ...header.filter((p) => p.colSpan === 1).map((p) => w(p.label, true)));
  const colW = n === 0 ? 0 : Math.min((avail - labelW) / n, Math.max(valuesW, Math.min(leafW, 120)));
  const colX = (j: number): number => left + labelW + j * colW;

  // Header geometry: wrap each label in its span, then grow rows until every cell fits.
  const h = t.headerRows.length;
  const wrapped = header.map((p) => wrapText(doc, p.label, p.colSpan * colW - 2 * PAD_X, { size: SIZE.cell, bold: true }, true));
  const cornerLines = wrapText(doc, t.rowHeader, labelW - 2 * PAD_X, { size: SIZE.cell, bold: true }, true);
  const rowH = new Array<number>(h).fill(LH + 2 * PAD_Y);
  const need = [...header.map((p, i) => ({ row: p.row, span: p.rowSpan, lines: wrapped[i].length })), { row: 0, span: h, lines: cornerLines.length }];
  for (const c of need.sort((a, b) => a.span - b.span)) {
    const have = rowH.slice(c.row, c.row + c.span).reduce((a, b) => a + b, 0);
    rowH[c.row + c.span - 1] += Math.max(0, c.lines * LH + 2 * PAD_Y - have);
  }
  const headerH = rowH.reduce((a, b) => a + b, 0);
  const rowTop = (r: number, y: number): number => y + rowH.slice(0, r).reduce((a, b) => a + b, 0);

  const drawHeader = (y: number): number => {
    cell(doc, { x: left, y, width: labelW, height: headerH }, cornerLines, { bold: true, align: 'center', fill: HEADER_FILL });
    header.forEach((p, i) => {
      const height = rowH.slice(p.row, p.row + p.rowSpan).reduce((a, b) => a + b, 0);
      const box = { x: colX(p.col), y: rowTop(p.row, y), width: p.colSpan * colW, height };
      cell(doc, box, wrapped[i], { bold: true, align: 'center', fill: HEADER_FILL });
    });
    return y + headerH;
  };

  paragraph(doc, t.title, SIZE.title, true);
  if (t.subtitle) paragraph(doc, t.subtitle, SIZE.subtitle);
  doc.y += 4;
  const bottom = (): number => doc.page.height - doc.page.margins.bottom;
  const bodyLines = t.rows.map((r) => ({
    label: wrapText(doc, r.label, labelW - 2 * PAD_X, { size: SIZE.cell, bold: true }),
    cells: r.cells.map((_, j) => wrapText(doc, cellText(r, j), colW - 2 * PAD_X, { size: SIZE.cell, bold: r.total || t.columns[j].total })),
  }));
  const heights = bodyLines.map((b) => Math.max(b.label.length, ...b.cells.map((c) => c.length)) * LH + 2 * PAD_Y);
  if (doc.y + headerH + (heights[0] ?? 0) > bottom()) nextPage(doc);
  let y = drawHeader(doc.y);
  t.rows.forEach((row, i) => {
    if (y + heights[i] > bottom()) {
      nextPage(doc);
      y = drawHeader(doc.y);
    }
    const height = heights[i];
    cell(doc, { x: left, y, width: labelW, height }, bodyLines[i].label, { bold: true, align: 'left' });
    row.cells.forEach((v, j) => {
      const bold = row.total || t.columns[j].total;
      const align = typeof v === 'number' ? 'right' : 'center';
      cell(doc, { x: colX(j), y, width: colW, height }, bodyLines[i].cells[j], { bold, align });
    });
    y += height;
  });
  doc.x = left;
  doc.y = y + 6;
  for (const note of t.notes) paragraph(doc, note, SIZE.note);
}

/** One table per page run (each starts on a new page in its own orientation), footers on every page. */
export async function tableToPdf(t: Table | Table[], opts: { now: Date }): Promise<Buffer> {
  const tables = Array.isArray(t) ? t : [t];
  if (tables.length === 0) throw new Error('tableToPdf: no tables');
  const doc = createPdf({ title: tables[0].title, now: opts.now, layout: pdfLayoutFor(tables[0]) });
  tables.forEach((table, i) => {
    if (i > 0) doc.addPage({ size: 'A4', layout: pdfLayoutFor(table), margins: PAGE_MARGINS });
    doc.y = doc.page.margins.top;
    drawTable(doc, table);
  });
  return pdfToBuffer(doc);
}
