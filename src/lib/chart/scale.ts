/** Axis ranges with round tick values: the one tick algorithm of every chart (pages and print). */

export interface AxisRange {
  min: number;
  max: number;
  ticks: number[];
}

/**
 * A round step (1, 2 or 5 × 10^n) that divides `span` into about `count` parts, and at least
 * `minStep` (1 for counts: no tick between two whole numbers).
 */
export function niceStep(span: number, count = 5, minStep = 0): number {
  if (!(span > 0)) return 1;
  const raw = Math.max(span / count, minStep);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  return Math.max(step, Number.EPSILON);
}

/**
 * The axis for these values. Bars start at zero (`zeroBased`); a line may start above zero so that a
 * path from 1,544 to 1,844 is not flattened. An empty or flat series still gets a usable axis; whole
 * numbers (counts) get whole-number ticks.
 */
export function axisFor(values: (number | null)[], zeroBased: boolean): AxisRange {
  const nums = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  let lo = nums.length ? Math.min(...nums) : 0;
  let hi = nums.length ? Math.max(...nums) : 0;
  if (zeroBased) lo = Math.min(0, lo);
  if (hi === lo) hi = lo + (lo === 0 ? 5 : Math.abs(lo) * 0.1);
  const step = niceStep(hi - lo, 5, nums.every(Number.isInteger) ? 1 : 0);
  const min = zeroBased ? Math.min(0, Math.floor(lo / step) * step) : Math.floor(lo / step) * step;
  const max = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  for (let v = min; v <= max + step / 2; v += step) ticks.push(Math.round(v * 1e6) / 1e6);
  return { min, max, ticks };
}

/** Maps a value to a y coordinate between `top` (max) and `bottom` (min). */
export function yScale(axis: AxisRange, top: number, bottom: number): (v: number) => number {
  const span = axis.max - axis.min || 1;
  return (v) => bottom - ((v - axis.min) / span) * (bottom - top);
}
