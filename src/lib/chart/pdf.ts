/**
 * PDF renderer of a chart layout (pdfkit), for documents from src/lib/pdf: the same shapes as the
 * SVG, in black and white (hatched bars, dashed lines, marker shapes), scaled to a given width.
 */
import { drawText } from '../pdf';
import type { ChartLayout, Shape } from './chart-types';
import { FONT_SIZE } from './frame';
import { barStyle, INK, lineStyle, markerPath } from './styles';

type Doc = PDFKit.PDFDocument;
const ASCENT = 0.88;

/** The fill of bar series i inside (x, y, w, h): solid ink, or white with a hatch drawn clipped to the bar. */
function fillBar(doc: Doc, i: number, x: number, y: number, w: number, h: number): void {
  if (barStyle(i).tile === null) return void doc.rect(x, y, w, h).fill(INK);
  doc.save().rect(x, y, w, h).clip();
  doc.rect(x, y, w, h).fill('#ffffff');
  doc.lineWidth(0.8).strokeColor(INK).fillColor(INK);
  const kind = i % 5;
  for (let k = -h; k < w + h; k += 6) {
    if (kind === 1) doc.moveTo(x + k, y + h).lineTo(x + k + h, y).stroke();
    if (kind === 3 && k >= 0) doc.moveTo(x + k, y).lineTo(x + k, y + h).stroke();
  }
  for (let k = 3; k < h; k += 6) {
    if (kind === 3 || kind === 4) doc.moveTo(x, y + k).lineTo(x + w, y + k).stroke();
    if (kind === 2) for (let j = 3; j < w; j += 6) doc.circle(x + j + ((k / 6) % 2 ? 3 : 0), y + k, 1).fill();
  }
  doc.restore();
}

function drawShape(doc: Doc, s: Shape): void {
  switch (s.kind) {
    case 'rule':
      doc.lineWidth(s.role === 'axis' ? 1 : 0.5).strokeColor(s.role === 'axis' ? INK : '#c8c8c8').moveTo(s.x1, s.y1).lineTo(s.x2, s.y2).stroke();
      return;
    case 'text': {
      const width = 400;
      const x = s.anchor === 'start' ? s.x : s.anchor === 'end' ? s.x - width : s.x - width / 2;
      const align = s.anchor === 'start' ? 'left' : s.anchor === 'end' ? 'right' : 'center';
      doc.fillColor(INK);
      drawText(doc, s.text, x, s.y - FONT_SIZE * ASCENT, { size: FONT_SIZE, bold: s.role === 'value', align, width });
      return;
    }
    case 'bar':
      fillBar(doc, s.series, s.x, s.y, s.width, s.height);
      doc.lineWidth(1).strokeColor(INK).rect(s.x, s.y, s.width, s.height).stroke();
      return;
    case 'path': {
      const st = lineStyle(s.series);
      doc.lineWidth(2).strokeColor(INK);
      if (st.dash) doc.dash(st.dash.split(' ').map(Number) as unknown as number, {});
      s.points.forEach(([x, y], i) => (i === 0 ? doc.moveTo(x, y) : doc.lineTo(x, y)));
      doc.stroke().undash();
      return;
    }
    case 'point': {
      const st = lineStyle(s.series);
      doc.lineWidth(1.5).path(markerPath(st.marker, s.x, s.y)).fillAndStroke(st.filled ? INK : '#ffffff', INK);
      return;
    }
    case 'swatch':
      if (!s.line) {
        fillBar(doc, s.series, s.x, s.y, 16, 14);
        doc.lineWidth(1).strokeColor(INK).rect(s.x, s.y, 16, 14).stroke();
        return;
      }
      drawShape(doc, { kind: 'path', series: s.series, points: [[s.x, s.y + 7], [s.x + 18, s.y + 7]] });
      drawShape(doc, { kind: 'point', series: s.series, x: s.x + 9, y: s.y + 7, category: 0, value: 0 });
  }
}

/** Draws the chart with its top-left corner at (x, y), `width` points wide; returns the height used. */
export function drawChart(doc: Doc, layout: ChartLayout, at: { x: number; y: number; width: number }): number {
  const scale = at.width / layout.width;
  const order: Shape['kind'][] = ['rule', 'bar', 'path', 'point', 'swatch', 'text'];
  doc.save().translate(at.x, at.y).scale(scale);
  for (const kind of order) for (const s of layout.shapes) if (s.kind === kind) drawShape(doc, s);
  doc.restore();
  return layout.height * scale;
}
