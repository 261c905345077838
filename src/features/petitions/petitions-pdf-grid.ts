/**
 * Drawing blocks for the 市長申立て進行管理票: section headings, label/value rows, ruled tables
 * whose header repeats after a page break, and the approval stamp boxes (決裁欄).
 * Every function draws from y and returns the y below what it drew.
 */
import { drawLines, drawText, LINE_HEIGHT, wrapText } from '../../lib/pdf';

type Doc = PDFKit.PDFDocument;

export const SIZE = { title: 16, heading: 11, cell: 9.5, stampLabel: 9 };
const PAD = 4;
const LH = SIZE.cell * LINE_HEIGHT;
const FILL = '#ececec';
const LABEL_W = 96;

export interface GridColumn { label: string; width: number; align?: 'left' | 'center' }

function box(doc: Doc, x: number, y: number, w: number, h: number, fill?: string): void {
  if (fill) doc.save().rect(x, y, w, h).fill(fill).restore();
  doc.lineWidth(0.6).rect(x, y, w, h).stroke();
}

function cellLines(doc: Doc, text: string, width: number, bold = false): string[] {
  return wrapText(doc, text === '' ? ' ' : text, width - 2 * PAD, { size: SIZE.cell, bold });
}

const bottom = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

function newPage(doc: Doc): number {
  const { size, layout, margins } = doc.page;
  doc.addPage({ size, layout: layout as 'portrait' | 'landscape', margins });
  return margins.top;
}

/** A new page when `height` does not fit below y. */
export function ensureSpace(doc: Doc, y: number, height: number): number {
  return y + height > bottom(doc) ? newPage(doc) : y;
}

export function heading(doc: Doc, y: number, text: string): number {
  y = ensureSpace(doc, y + 8, SIZE.heading * LINE_HEIGHT + LH * 2 + 2 * PAD);
  drawText(doc, text, doc.page.margins.left, y, { size: SIZE.heading, bold: true });
  return y + SIZE.heading * LINE_HEIGHT + 2;
}

/** Label | value rows over the full width. */
export function fieldRows(doc: Doc, y: number, rows: [label: string, value: string][]): number {
  const { left, right } = doc.page.margins;
  const valueW = doc.page.width - left - right - LABEL_W;
  for (const [label, value] of rows) {
    const lines = cellLines(doc, value, valueW);
    const h = lines.length * LH + 2 * PAD;
    y = ensureSpace(doc, y, h);
    box(doc, left, y, LABEL_W, h, FILL);
    drawLines(doc, [label], { x: left + PAD, y, width: LABEL_W - 2 * PAD, height: h }, { size: SIZE.cell, bold: true, align: 'left' });
    box(doc, left + LABEL_W, y, valueW, h);
    drawLines(doc, lines, { x: left + LABEL_W + PAD, y, width: valueW - 2 * PAD, height: h }, { size: SIZE.cell, align: 'left' });
    y += h;
  }
  return y;
}

function gridRow(doc: Doc, y: number, columns: GridColumn[], lines: string[][], h: number, header: boolean): void {
  let x = doc.page.margins.left;
  columns.forEach((c, i) => {
    box(doc, x, y, c.width, h, header ? FILL : undefined);
    const align = header ? 'center' : (c.align ?? 'left');
    drawLines(doc, lines[i], { x: x + PAD, y, width: c.width - 2 * PAD, height: h }, { size: SIZE.cell, bold: header, align });
    x += c.width;
  });
}

/** A ruled table; cells wrap; the header row is drawn again at the top of every new page. */
export function grid(doc: Doc, y: number, columns: GridColumn[], rows: string[][]): number {
  const headerLines = columns.map((c) => cellLines(doc, c.label, c.width, true));
  const headerH = Math.max(...headerLines.map((l) => l.length)) * LH + 2 * PAD;
  const bodyLines = rows.map((r) => columns.map((c, i) => cellLines(doc, r[i] ?? '', c.width)));
  const heights = bodyLines.map((r) => Math.max(...r.map((l) => l.length)) * LH + 2 * PAD);
  y = ensureSpace(doc, y, headerH + (heights[0] ?? 0));
  gridRow(doc, y, columns, headerLines, headerH, true);
  y += headerH;
  bodyLines.forEach((lines, i) => {
    if (y + heights[i] > bottom(doc)) {
      y = newPage(doc);
      gridRow(doc, y, columns, headerLines, headerH, true);
      y += headerH;
    }
    gridRow(doc, y, columns, lines, heights[i], false);
    y += heights[i];
  });
  return y;
}

export const APPROVAL_LABELS = ['区長', '課長', '係長', '担当'] as const;
const STAMP = { width: 52, label: 16, height: 52 };

/** The 決裁欄: one column per approver, the label over an empty box for the seal; right-aligned at y. */
export function approvalBoxes(doc: Doc, y: number): { width: number; height: number } {
  const width = STAMP.width * APPROVAL_LABELS.length;
  const x0 = doc.page.width - doc.page.margins.right - width;
  APPROVAL_LABELS.forEach((label, i) => {
    const x = x0 + i * STAMP.width;
    box(doc, x, y, STAMP.width, STAMP.label, FILL);
    drawLines(doc, [label], { x, y, width: STAMP.width, height: STAMP.label }, { size: SIZE.stampLabel, bold: true, align: 'center' });
    box(doc, x, y + STAMP.label, STAMP.width, STAMP.height);
  });
  return { width, height: STAMP.label + STAMP.height };
}
