/**
 * How each series looks: black and white only, so a chart reads the same on screen, on a
 * monochrome printer and to someone who cannot tell colours apart. Bars differ by fill pattern,
 * lines by dash and marker shape.
 */
export const INK = '#1a1a1c';

export interface BarStyle {
  /** SVG pattern content on a 8×8 tile (null: solid ink). */
  tile: string | null;
}

export const BAR_STYLES: BarStyle[] = [
  { tile: null },
  { tile: `<path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke="${INK}" stroke-width="1.5"/>` },
  { tile: `<circle cx="2" cy="2" r="1.3" fill="${INK}"/><circle cx="6" cy="6" r="1.3" fill="${INK}"/>` },
  { tile: `<path d="M0,4 h8 M4,0 v8" stroke="${INK}" stroke-width="1.2"/>` },
  { tile: `<path d="M0,2 h8 M0,6 h8" stroke="${INK}" stroke-width="1.2"/>` },
];

export type MarkerShape = 'circle' | 'square' | 'diamond' | 'triangle';

export interface LineStyle {
  dash: string | null;
  marker: MarkerShape;
  /** Marker filled with ink (else white with an ink outline). */
  filled: boolean;
}

export const LINE_STYLES: LineStyle[] = [
  { dash: null, marker: 'circle', filled: true },
  { dash: '8 5', marker: 'square', filled: false },
  { dash: '2 4', marker: 'diamond', filled: true },
  { dash: '12 4 2 4', marker: 'triangle', filled: false },
];

export const barStyle = (i: number): BarStyle => BAR_STYLES[i % BAR_STYLES.length];
export const lineStyle = (i: number): LineStyle => LINE_STYLES[i % LINE_STYLES.length];

/** The path of a marker centred on (x, y). */
export function markerPath(shape: MarkerShape, x: number, y: number, r = 4.5): string {
  const n = (v: number) => Math.round(v * 10) / 10;
  switch (shape) {
    case 'square': return `M${n(x - r)},${n(y - r)}h${n(2 * r)}v${n(2 * r)}h${n(-2 * r)}Z`;
    case 'diamond': return `M${n(x)},${n(y - r - 1)}L${n(x + r + 1)},${n(y)}L${n(x)},${n(y + r + 1)}L${n(x - r - 1)},${n(y)}Z`;
    case 'triangle': return `M${n(x)},${n(y - r - 1)}L${n(x + r + 1)},${n(y + r)}L${n(x - r - 1)},${n(y + r)}Z`;
    default: return `M${n(x - r)},${n(y)}a${r},${r} 0 1,0 ${n(2 * r)},0a${r},${r} 0 1,0 ${n(-2 * r)},0Z`;
  }
}
