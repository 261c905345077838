/**
 * 相談記録票: one consultation on A4 portrait, as a bordered form (label cell | value cell).
 * Long 内容 / 対応 run on to following pages, the label marked （続き）.
 */
import { createPdf, drawText, LINE_HEIGHT, pdfToBuffer, wrapText } from '../../lib/pdf';
import { formatDateTime, toWareki } from '../../lib/dates';
import { displayRows, fromView } from './consultations-display';
import { ConsultationView } from './consultations-queries';

export const PDF_TITLE = '相談記録票';

const SIZE = { title: 16, cell: 10, meta: 9 };
const LABEL_W = 96;
const PAD = 5;
const LH = SIZE.cell * LINE_HEIGHT;
const LABEL_FILL = '#ececec';

type Doc = PDFKit.PDFDocument;

function drawCell(doc: Doc, x: number, y: number, w: number, h: number, lines: string[], o: { fill?: string; bold?: boolean }) {
  if (o.fill) doc.save().rect(x, y, w, h).fill(o.fill).restore();
  doc.lineWidth(0.6).rect(x, y, w, h).stroke();
  lines.forEach((line, i) => drawText(doc, line, x + PAD, y + PAD + i * LH + (LH - SIZE.cell) / 2, { size: SIZE.cell, bold: o.bold }));
}

function newPage(doc: Doc): number {
  const { size, layout, margins } = doc.page;
  doc.addPage({ size, layout: layout as 'portrait' | 'landscape', margins });
  return margins.top;
}

/** One label/value row from y; returns the y below it, having broken pages as often as the text needs. */
function drawRow(doc: Doc, y: number, label: string, value: string): number {
  const { left, right } = doc.page.margins;
  const valueW = doc.page.width - left - right - LABEL_W;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  let lines = wrapText(doc, value === '' ? ' ' : value, valueW - 2 * PAD, { size: SIZE.cell });
  let first = true;
  while (lines.length > 0) {
    let fit = Math.floor((bottom() - y - 2 * PAD) / LH);
    if (fit < 1 || (first && fit < Math.min(lines.length, 3))) {
      y = newPage(doc);
      fit = Math.floor((bottom() - y - 2 * PAD) / LH);
    }
    const chunk = lines.slice(0, fit);
    const h = chunk.length * LH + 2 * PAD;
    const labelText = first ? label : `${label}（続き）`;
    const labelLines = wrapText(doc, labelText, LABEL_W - 2 * PAD, { size: SIZE.cell, bold: true });
    drawCell(doc, left, y, LABEL_W, h, labelLines, { fill: LABEL_FILL, bold: true });
    drawCell(doc, left + LABEL_W, y, valueW, h, chunk, {});
    y += h;
    lines = lines.slice(chunk.length);
    first = false;
  }
  return y;
}

/** The 相談記録票 of one consultation. `now` stamps the footer's 作成日. */
export async function consultationPdf(c: ConsultationView, now: Date): Promise<Buffer> {
  const doc = createPdf({ title: `${PDF_TITLE}（記録番号 ${c.id}）`, now });
  const { left, right, top } = doc.page.margins;
  const width = doc.page.width - left - right;
  drawText(doc, PDF_TITLE, left, top, { size: SIZE.title, bold: true, width, align: 'center' });
  let y = top + SIZE.title * LINE_HEIGHT + 6;
  drawText(doc, `記録番号 ${c.id}`, left, y, { size: SIZE.meta });
  drawText(doc, `相談日 ${toWareki(c.consulted_on)}`, left, y, { size: SIZE.meta, width, align: 'right' });
  y += SIZE.meta * LINE_HEIGHT + 4;
  const rows = displayRows(fromView(c));
  for (const row of rows) {
    if (row.key === 'follow_up_on' && row.value && c.follow_up_done_at) row.value += `（${formatDateTime(c.follow_up_done_at)} 完了）`;
    y = drawRow(doc, y, row.label, row.value);
  }
  y += 8;
  const stamp = [`登録 ${formatDateTime(c.created_at)} ${c.created_by_name ?? ''}`, `最終更新 ${formatDateTime(c.updated_at)} ${c.updated_by_name ?? ''}`];
  if (y + SIZE.meta * LINE_HEIGHT * 2 > doc.page.height - doc.page.margins.bottom) y = newPage(doc);
  for (const line of stamp) {
    drawText(doc, line, left, y, { size: SIZE.meta });
    y += SIZE.meta * LINE_HEIGHT;
  }
  return pdfToBuffer(doc);
}
