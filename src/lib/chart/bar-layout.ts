/** Grouped bar chart: one group per category, one bar per series, each bar's value written above it. */
import { formatValue, type ChartData, type ChartLayout, type ChartSize, type Shape } from './chart-types';
import { frame } from './frame';
import { axisFor } from './scale';

export const BAR_SIZE: ChartSize = { width: 640, height: 300 };

export function barLayout(data: ChartData, size: ChartSize = BAR_SIZE): ChartLayout {
  const axis = axisFor(data.series.flatMap((s) => s.values), true);
  const f = frame(data, size, axis, false);
  const shapes: Shape[] = [...f.shapes];
  const n = Math.max(1, data.series.length);
  const group = f.slot * 0.72;
  const barW = group / n;
  const zero = f.y(0);
  data.categories.forEach((_c, ci) => {
    data.series.forEach((s, si) => {
      const value = s.values[ci];
      if (value === null || value === undefined || !Number.isFinite(value)) return;
      const x = f.left + f.slot * ci + (f.slot - group) / 2 + barW * si;
      const top = Math.min(zero, f.y(value));
      const height = Math.abs(f.y(value) - zero);
      shapes.push({ kind: 'bar', x, y: top, width: barW * 0.92, height, series: si, category: ci, value });
      shapes.push({ kind: 'text', x: x + (barW * 0.92) / 2, y: top - 4, text: formatValue(value), anchor: 'middle', role: 'value' });
    });
  });
  return { type: 'bar', width: size.width, height: size.height, data, shapes };
}
