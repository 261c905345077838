/** Line chart: one line per series over the categories, a marker at every value, gaps where a value is missing. */
import { formatValue, type ChartData, type ChartLayout, type ChartSize, type Shape } from './chart-types';
import { frame } from './frame';
import { axisFor } from './scale';

export const LINE_SIZE: ChartSize = { width: 640, height: 320 };

export function lineLayout(data: ChartData, size: ChartSize = LINE_SIZE): ChartLayout {
  const axis = axisFor(data.series.flatMap((s) => s.values), false);
  const f = frame(data, size, axis, true);
  const shapes: Shape[] = [...f.shapes];
  const x = (ci: number) => f.left + f.slot * (ci + 0.5);
  /** A value's label goes above its marker, or below when another series' marker sits just above. */
  const labelY = (si: number, ci: number, y: number): number => {
    const crowded = data.series.some((o, oi) => {
      const v = o.values[ci];
      return oi !== si && typeof v === 'number' && Number.isFinite(v) && f.y(v) < y && y - f.y(v) < 22;
    });
    return crowded ? y + 19 : y - 9;
  };
  // The first series (e.g. 実績) is drawn last, on top of the others where they meet.
  [...data.series.entries()].reverse().forEach(([si, s]) => {
    let run: [number, number][] = [];
    const flush = () => {
      if (run.length > 1) shapes.push({ kind: 'path', series: si, points: run });
      run = [];
    };
    s.values.forEach((value, ci) => {
      if (value === null || value === undefined || !Number.isFinite(value)) return flush();
      run.push([x(ci), f.y(value)]);
    });
    flush();
    s.values.forEach((value, ci) => {
      if (value === null || value === undefined || !Number.isFinite(value)) return;
      shapes.push({ kind: 'point', x: x(ci), y: f.y(value), series: si, category: ci, value });
      if (s.labels) shapes.push({ kind: 'text', x: x(ci), y: labelY(si, ci, f.y(value)), text: formatValue(value), anchor: 'middle', role: 'value' });
    });
  });
  return { type: 'line', width: size.width, height: size.height, data, shapes };
}
