/**
 * Charts from plain series data. A chart is laid out once (bar-layout.ts, line-layout.ts) into
 * shapes on a fixed canvas, then drawn by a renderer (svg.ts for pages). Every bar and point keeps
 * the value it stands for, so a page can show the same numbers as a table and tests can compare them.
 */

export interface Series {
  /** Stable key, written as data-series on the shapes. */
  key: string;
  label: string;
  /** One value per category; null where there is none (no bar; a gap in a line). */
  values: (number | null)[];
  /** Write each value next to its bar or point (bars always have their values written). */
  labels?: boolean;
}

export interface ChartData {
  /** The accessible name (the SVG's <title>). */
  title: string;
  /** What the chart shows, in words (the SVG's <desc>); a table with the same data goes with it. */
  desc: string;
  categories: string[];
  series: Series[];
  /** Unit after values in tooltips: '件', '人'. */
  unit?: string;
}

export interface ChartSize {
  width: number;
  height: number;
}

export type Anchor = 'start' | 'middle' | 'end';

/** A data shape: which series and category it draws, and the value. */
export interface DataRef {
  series: number;
  category: number;
  value: number;
}

export type Shape =
  | ({ kind: 'bar'; x: number; y: number; width: number; height: number } & DataRef)
  | ({ kind: 'point'; x: number; y: number } & DataRef)
  | { kind: 'path'; series: number; points: [number, number][] }
  | { kind: 'rule'; x1: number; y1: number; x2: number; y2: number; role: 'axis' | 'grid' }
  | { kind: 'text'; x: number; y: number; text: string; anchor: Anchor; role: 'value' | 'tick' | 'category' | 'legend' }
  | { kind: 'swatch'; x: number; y: number; series: number; line: boolean };

export interface ChartLayout extends ChartSize {
  type: 'bar' | 'line';
  data: ChartData;
  shapes: Shape[];
}

/** 1234.5 → '1,234.5' (at most one decimal). */
export function formatValue(v: number): string {
  return v.toLocaleString('ja-JP', { maximumFractionDigits: 1 });
}
