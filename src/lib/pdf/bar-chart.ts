/**
 * A vertical bar chart drawn with pdfkit, for print: a caption, a value axis with round ticks
 * and grid lines, one bar per value with its number above it and its label below. The geometry
 * is computed apart (layoutBarChart) so it can be checked against the values it came from.
 */
import type { BarChartData } from '../table/table-chart';
import { drawLines, drawText, LINE_HEIGHT, textWidth, wrapText } from './text';

export interface ChartBox { x: number; y: number; width: number; height: number }

export interface BarGeometry extends ChartBox {
  label: string;
  value: number;
  /** The label's lines, wrapped to the bar's slot (at most two). */
  labelLines: string[];
  /** The bar's slot: the label is centred in [slotX, slotX + slotWidth]. */
  slotX: number;
  slotWidth: number;
}

export interface BarChartLayout {
  /** The plotting area: value 0 at its bottom edge, `max` at its top. */
  plot: ChartBox;
  max: number;
  ticks: { value: number; y: number }[];
  bars: BarGeometry[];
}

const SIZE = { caption: 10, label: 7, value: 7, tick: 7 };
const CAPTION_H = SIZE.caption * LINE_HEIGHT + 6;
const AXIS_W = 40;
const LABEL_H = 2 * SIZE.label * LINE_HEIGHT + 4;
const VALUE_H = SIZE.value * LINE_HEIGHT + 2;
const BAR_SHARE = 0.6;
const BAR_FILL = '#4a6fa5';
const GRID = '#bbbbbb';

/** A round tick step (1, 2 or 5 × 10^k, never below 1) giving about four intervals up to `top`. */
export function tickStep(top: number): number {
  const rough = Math.max(top / 4, 1);
  const p = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 5, 10].map((m) => m * p).find((s) => s >= rough) ?? 10 * p;
}

/** Bars and axis for `data` in `box`; `wrap` breaks a label into lines no wider than a width. */
export function layoutBarChart(data: BarChartData, box: ChartBox, wrap: (label: string, width: number) => string[]): BarChartLayout {
  const plot = { x: box.x + AXIS_W, y: box.y + CAPTION_H + VALUE_H, width: box.width - AXIS_W, height: box.height - CAPTION_H - VALUE_H - LABEL_H };
  const highest = Math.max(0, ...data.bars.map((b) => b.value));
  const step = tickStep(highest);
  const max = Math.max(step, Math.ceil(highest / step) * step);
  const ticks = Array.from({ length: max / step + 1 }, (_, i) => ({ value: i * step, y: plot.y + plot.height - (i * step / max) * plot.height }));
  const slot = data.bars.length ? plot.width / data.bars.length : 0;
  const bars = data.bars.map((b, i) => {
    const height = (Math.max(0, b.value) / max) * plot.height;
    const width = slot * BAR_SHARE;
    const slotX = plot.x + i * slot;
    return {
      label: b.label, value: b.value, x: slotX + (slot - width) / 2, y: plot.y + plot.height - height, width, height,
      labelLines: wrap(b.label, slot - 2).slice(0, 2), slotX, slotWidth: slot,
    };
  });
  return { plot, max, ticks, bars };
}

/** Draws the chart inside `box` (nothing outside it); doc.y is left unchanged. */
export function drawBarChart(doc: PDFKit.PDFDocument, data: BarChartData, box: ChartBox): BarChartLayout {
  const wrap = (label: string, width: number) => wrapText(doc, label, width, { size: SIZE.label }, true);
  const layout = layoutBarChart(data, box, wrap);
  const { plot } = layout;
  const y0 = doc.y;
  drawText(doc, data.title, box.x, box.y, { size: SIZE.caption, bold: true });
  for (const t of layout.ticks) {
    doc.save().lineWidth(0.3).strokeColor(GRID).moveTo(plot.x, t.y).lineTo(plot.x + plot.width, t.y).stroke().restore();
    const text = t.value.toLocaleString('ja-JP');
    drawText(doc, text, plot.x - 4 - textWidth(doc, text, { size: SIZE.tick }), t.y - SIZE.tick / 2, { size: SIZE.tick });
  }
  for (const b of layout.bars) {
    if (b.height > 0) doc.save().rect(b.x, b.y, b.width, b.height).fill(BAR_FILL).restore();
    drawText(doc, b.value.toLocaleString('ja-JP'), b.slotX, b.y - VALUE_H, { size: SIZE.value, width: b.slotWidth, align: 'center' });
    drawLines(doc, b.labelLines, { x: b.slotX, y: plot.y + plot.height + 2, width: b.slotWidth, height: LABEL_H - 4 }, { size: SIZE.label, align: 'center' });
  }
  doc.save().lineWidth(0.8).moveTo(plot.x, plot.y).lineTo(plot.x, plot.y + plot.height).lineTo(plot.x + plot.width, plot.y + plot.height).stroke().restore();
  doc.y = y0;
  return layout;
}
