/** What bar and line charts share: the legend, the value axis with its grid, the category labels (two lines at most). */
import { formatValue, type ChartData, type ChartSize, type Shape } from './chart-types';
import { AxisRange, yScale } from './scale';

export const FONT_SIZE = 12;
const LEGEND_H = 22;
const VALUE_HEADROOM = 16;
const CATEGORY_H = 26;
const CATEGORY_LINE_H = 15;

/** Approximate width of text in the chart's font: full-width characters one em, others about 0.6 em. */
export function textWidth(text: string, size = FONT_SIZE): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) > 0xff ? size : size * 0.6;
  return w;
}

/** A category label in lines no wider than `width`: one line when it fits, else broken by character, at most two. */
export function categoryLines(label: string, width: number): string[] {
  if (textWidth(label) <= width) return [label];
  const lines: string[] = [''];
  for (const ch of label) {
    if (lines[lines.length - 1] !== '' && textWidth(lines[lines.length - 1] + ch) > width) lines.push('');
    lines[lines.length - 1] += ch;
  }
  return lines.slice(0, 2);
}

export interface Frame {
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** Width of one category's slot along the x axis. */
  slot: number;
  y: (v: number) => number;
  shapes: Shape[];
}

/** The legend (one row of swatches on top), y-axis grid and tick labels, the x axis and the category labels. */
export function frame(data: ChartData, size: ChartSize, axis: AxisRange, line: boolean): Frame {
  const shapes: Shape[] = [];
  const tickLabels = axis.ticks.map(formatValue);
  const left = 8 + Math.max(...tickLabels.map((t) => textWidth(t))) + 8;
  const right = size.width - 12;
  const top = LEGEND_H + VALUE_HEADROOM;
  const slot = data.categories.length ? (right - left) / data.categories.length : right - left;
  const labels = data.categories.map((c) => categoryLines(c, slot - 4));
  const bottom = size.height - CATEGORY_H - (labels.some((l) => l.length > 1) ? CATEGORY_LINE_H : 0);
  const y = yScale(axis, top, bottom);

  let lx = left;
  data.series.forEach((s, i) => {
    shapes.push({ kind: 'swatch', x: lx, y: 4, series: i, line });
    shapes.push({ kind: 'text', x: lx + 22, y: 16, text: s.label, anchor: 'start', role: 'legend' });
    lx += 22 + textWidth(s.label) + 18;
  });

  axis.ticks.forEach((v, i) => {
    shapes.push({ kind: 'rule', x1: left, y1: y(v), x2: right, y2: y(v), role: 'grid' });
    shapes.push({ kind: 'text', x: left - 6, y: y(v) + 4, text: tickLabels[i], anchor: 'end', role: 'tick' });
  });
  shapes.push({ kind: 'rule', x1: left, y1: top - 4, x2: left, y2: bottom, role: 'axis' });
  const zero = y(Math.max(axis.min, Math.min(0, axis.max)));
  shapes.push({ kind: 'rule', x1: left, y1: zero, x2: right, y2: zero, role: 'axis' });

  labels.forEach((lines, i) => lines.forEach((text, k) => {
    shapes.push({ kind: 'text', x: left + slot * (i + 0.5), y: bottom + 17 + k * CATEGORY_LINE_H, text, anchor: 'middle', role: 'category' });
  }));
  return { left, right, top, bottom, slot, y, shapes };
}
