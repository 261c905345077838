/**
 * Ruled blocks for A4 forms (進行管理票, 通知書, 議事録, 結果票, 相談記録票): section headings,
 * label | value rows, tables whose header repeats after a page break, free text over pages and
 * the approval stamp boxes (決裁欄). Every cell wraps its text: the label column widens to its
 * longest label (up to LABEL_SHARE of the width, then labels wrap), and a row taller than the
 * room left runs on over the next pages, its label marked （続き）. Every function draws from y
 * and returns the y below what it drew; nothing is drawn below the bottom margin.
 */
import { drawLines, drawText, LINE_HEIGHT, textWidth, wrapText, type TextStyle } from './text';

type Doc = PDFKit.PDFDocument;

export const SIZE = { title: 16, heading: 11, cell: 9.5, stampLabel: 9 };
const PAD = 4;
const LH = SIZE.cell * LINE_HEIGHT;
const FILL = '#ececec';
/** The label column: at least this wide, at most this share of the width (longer labels wrap). */
const LABEL_MIN = 96;
const LABEL_SHARE = 0.35;
/** A row keeps at least this many lines (or all it has) together at the foot of a page. */
const MIN_LINES = 3;
export const CONTINUED = '（続き）';

export interface GridColumn { label: string; width: number; align?: 'left' | 'center' }

/** One cell of a row: its width and its wrapped lines. */
interface Cell { width: number; lines: string[]; bold?: boolean; align?: 'left' | 'center'; fill?: string }

const innerWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const bottom = (doc: Doc) => doc.page.height - doc.page.margins.bottom;
/** Whole lines a row can hold from y to the bottom margin. */
const room = (doc: Doc, y: number) => Math.floor((bottom(doc) - y - 2 * PAD) / LH);

function newPage(doc: Doc): number {
  const { size, layout, margins } = doc.page;
  doc.addPage({ size, layout: layout as 'portrait' | 'landscape', margins });
  return margins.top;
}

/** A new page when `height` does not fit below y. */
export function ensureSpace(doc: Doc, y: number, height: number): number {
  return y + height > bottom(doc) ? newPage(doc) : y;
}

function box(doc: Doc, x: number, y: number, w: number, h: number, fill?: string): void {
  if (fill) doc.save().rect(x, y, w, h).fill(fill).restore();
  doc.lineWidth(0.6).rect(x, y, w, h).stroke();
}

/** The lines of a cell `width` wide (its padding taken off). */
export function cellLines(doc: Doc, text: string, width: number, bold = false): string[] {
  return wrapText(doc, text === '' ? ' ' : text, width - 2 * PAD, { size: SIZE.cell, bold });
}

/** Draws the first n lines of each cell side by side from the left margin; returns the row's height. */
function drawCells(doc: Doc, y: number, cells: Cell[], n: number): number {
  const h = n * LH + 2 * PAD;
  let x = doc.page.margins.left;
  for (const c of cells) {
    box(doc, x, y, c.width, h, c.fill);
    const style = { size: SIZE.cell, bold: c.bold, align: c.align ?? 'left' };
    drawLines(doc, c.lines.slice(0, n), { x: x + PAD, y, width: c.width - 2 * PAD, height: h }, style);
    x += c.width;
  }
  return h;
}

/**
 * Draws a row, breaking it over pages where it does not fit: `top` starts a new page (drawing
 * what repeats there) and returns the y to go on from; `carry` gives the cells that go on.
 */
function splitRow(doc: Doc, y: number, cells: Cell[], top: () => number, carry: (rest: Cell[]) => Cell[] = (c) => c): number {
  let rest = cells;
  for (;;) {
    const need = Math.max(1, ...rest.map((c) => c.lines.length));
    if (room(doc, y) < Math.min(need, MIN_LINES)) y = top();
    const n = Math.max(1, Math.min(need, room(doc, y)));
    y += drawCells(doc, y, rest, n);
    rest = rest.map((c) => ({ ...c, lines: c.lines.slice(n) }));
    if (rest.every((c) => c.lines.length === 0)) return y;
    rest = carry(rest);
    y = top();
  }
}

export function heading(doc: Doc, y: number, text: string): number {
  // the heading stays with the start of its block: a table's header and first lines
  y = ensureSpace(doc, y + 8, SIZE.heading * LINE_HEIGHT + 2 + (1 + MIN_LINES) * LH + 4 * PAD);
  return textBlock(doc, y, text, { size: SIZE.heading, bold: true }) + 2;
}

/** The label column's width for these labels: the longest one, within [LABEL_MIN, LABEL_SHARE of the width]. */
export function labelWidth(doc: Doc, labels: string[]): number {
  const longest = Math.max(0, ...labels.map((l) => textWidth(doc, l, { size: SIZE.cell, bold: true })));
  return Math.min(Math.max(LABEL_MIN, Math.ceil(longest) + 2 * PAD), Math.floor(innerWidth(doc) * LABEL_SHARE));
}

/** Label | value rows over the full width; `labelW` keeps one label column over several blocks. */
export function fieldRows(doc: Doc, y: number, rows: [label: string, value: string][], labelW = labelWidth(doc, rows.map(([l]) => l))): number {
  const valueW = innerWidth(doc) - labelW;
  for (const [label, value] of rows) {
    const labelCell = (text: string): Cell => ({ width: labelW, lines: cellLines(doc, text, labelW, true), bold: true, fill: FILL });
    const cells = [labelCell(label), { width: valueW, lines: cellLines(doc, value, valueW) }];
    const carry = ([l, v]: Cell[]) => [l.lines.length > 0 ? l : labelCell(`${label}${CONTINUED}`), v];
    y = splitRow(doc, y, cells, () => newPage(doc), carry);
  }
  return y;
}

/** A ruled table over the full width (column widths scaled to it); cells wrap; the header is drawn again on every new page. */
export function grid(doc: Doc, y: number, columns: GridColumn[], rows: string[][]): number {
  const scale = innerWidth(doc) / columns.reduce((sum, c) => sum + c.width, 0);
  const widths = columns.map((c) => c.width * scale);
  const header = columns.map((c, i): Cell => ({ width: widths[i], lines: cellLines(doc, c.label, widths[i], true), bold: true, align: 'center', fill: FILL }));
  const headerLines = Math.max(...header.map((c) => c.lines.length));
  const body = rows.map((r) => columns.map((c, i): Cell => ({ width: widths[i], lines: cellLines(doc, r[i] ?? '', widths[i]), align: c.align })));
  const first = Math.max(1, ...(body[0] ?? []).map((c) => c.lines.length));
  y = ensureSpace(doc, y, (headerLines + Math.min(first, MIN_LINES)) * LH + 4 * PAD);
  y += drawCells(doc, y, header, headerLines);
  const top = () => {
    const at = newPage(doc);
    return at + drawCells(doc, at, header, headerLines);
  };
  for (const cells of body) y = splitRow(doc, y, cells, top);
  return y;
}

/** Free text wrapped to the width from the left margin (or `x`, `width`), a new page whenever the next line does not fit. */
export function textBlock(doc: Doc, y: number, text: string, style: TextStyle & { align?: 'left' | 'center' | 'right' }, at?: { x: number; width: number }): number {
  const x = at?.x ?? doc.page.margins.left;
  const width = at?.width ?? innerWidth(doc);
  const lh = style.size * LINE_HEIGHT;
  for (const line of wrapText(doc, text, width, style)) {
    y = ensureSpace(doc, y, lh);
    drawText(doc, line, x, y, { ...style, width });
    y += lh;
  }
  return y;
}

const STAMP = { width: 52, label: 16, height: 52 };

/** The 決裁欄: one column per approver, the label over an empty box for the seal; right-aligned at y. */
export function approvalBoxes(doc: Doc, y: number, labels: readonly string[]): { width: number; height: number } {
  const width = STAMP.width * labels.length;
  const x0 = doc.page.width - doc.page.margins.right - width;
  labels.forEach((label, i) => {
    const x = x0 + i * STAMP.width;
    box(doc, x, y, STAMP.width, STAMP.label, FILL);
    drawLines(doc, [label], { x, y, width: STAMP.width, height: STAMP.label }, { size: SIZE.stampLabel, bold: true, align: 'center' });
    box(doc, x, y + STAMP.label, STAMP.width, STAMP.height);
  });
  return { width, height: STAMP.label + STAMP.height };
}
