/**
 * SVG renderer of a chart layout, for pages: inline markup the app serves itself (no script, no
 * style attribute, so the CSP holds), role="img" with <title> and <desc>. Every bar and point
 * carries data-series, data-category and data-value. Every text is escaped here.
 */
import { formatValue, type ChartLayout, type Shape } from './chart-types';
import { FONT_SIZE } from './frame';
import { barStyle, INK, lineStyle, markerPath } from './styles';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' };
export const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
const n = (v: number): string => String(Math.round(v * 10) / 10);

/** Ids inside the SVG are prefixed with the chart's id, so that several charts share a page. */
const ID = /^[A-Za-z][A-Za-z0-9_-]{0,60}$/;

function patterns(layout: ChartLayout, id: string): string {
  if (layout.type !== 'bar') return '';
  const tiles = layout.data.series.map((_s, i) => {
    const { tile } = barStyle(i);
    if (tile === null) return '';
    return `<pattern id="${id}-p${i}" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#fff"/>${tile}</pattern>`;
  });
  return `<defs>${tiles.join('')}</defs>`;
}

const barFill = (id: string, i: number): string => (barStyle(i).tile === null ? INK : `url(#${id}-p${i})`);

function tooltip(layout: ChartLayout, series: number, category: number, value: number): string {
  const s = layout.data.series[series];
  return `<title>${esc(`${layout.data.categories[category]} ${s.label}：${formatValue(value)}${layout.data.unit ?? ''}`)}</title>`;
}

function dataAttrs(layout: ChartLayout, series: number, category: number, value: number): string {
  return `data-series="${esc(layout.data.series[series].key)}" data-category="${category}" data-value="${value}"`;
}

function shapeSvg(layout: ChartLayout, id: string, s: Shape): string {
  switch (s.kind) {
    case 'rule':
      return `<line x1="${n(s.x1)}" y1="${n(s.y1)}" x2="${n(s.x2)}" y2="${n(s.y2)}" stroke="${s.role === 'axis' ? INK : '#c8c8c8'}" stroke-width="1"/>`;
    case 'text': {
      const weight = s.role === 'value' ? ' font-weight="bold"' : '';
      return `<text x="${n(s.x)}" y="${n(s.y)}" text-anchor="${s.anchor}" font-size="${FONT_SIZE}" fill="${INK}"${weight}>${esc(s.text)}</text>`;
    }
    case 'swatch': {
      if (!s.line) return `<rect x="${n(s.x)}" y="${n(s.y)}" width="16" height="14" fill="${barFill(id, s.series)}" stroke="${INK}"/>`;
      const st = lineStyle(s.series);
      const dash = st.dash ? ` stroke-dasharray="${st.dash}"` : '';
      return `<line x1="${n(s.x)}" y1="${n(s.y + 7)}" x2="${n(s.x + 18)}" y2="${n(s.y + 7)}" stroke="${INK}" stroke-width="2"${dash}/>`
        + `<path d="${markerPath(st.marker, s.x + 9, s.y + 7)}" fill="${st.filled ? INK : '#fff'}" stroke="${INK}" stroke-width="1.5"/>`;
    }
    case 'bar':
      return `<rect class="chart-bar" x="${n(s.x)}" y="${n(s.y)}" width="${n(s.width)}" height="${n(s.height)}" fill="${barFill(id, s.series)}" stroke="${INK}" stroke-width="1" `
        + `${dataAttrs(layout, s.series, s.category, s.value)}>${tooltip(layout, s.series, s.category, s.value)}</rect>`;
    case 'path': {
      const st = lineStyle(s.series);
      const dash = st.dash ? ` stroke-dasharray="${st.dash}"` : '';
      return `<polyline points="${s.points.map(([x, y]) => `${n(x)},${n(y)}`).join(' ')}" fill="none" stroke="${INK}" stroke-width="2"${dash}/>`;
    }
    case 'point': {
      const st = lineStyle(s.series);
      return `<path class="chart-point" d="${markerPath(st.marker, s.x, s.y)}" fill="${st.filled ? INK : '#fff'}" stroke="${INK}" stroke-width="1.5" `
        + `${dataAttrs(layout, s.series, s.category, s.value)}>${tooltip(layout, s.series, s.category, s.value)}</path>`;
    }
  }
}

/** The chart as an inline <svg> element; `id` must be unique on the page. */
export function layoutToSvg(layout: ChartLayout, id: string): string {
  if (!ID.test(id)) throw new Error(`chart id must be a plain identifier: ${id}`);
  const order: Shape['kind'][] = ['rule', 'bar', 'path', 'point', 'swatch', 'text'];
  const body = order.flatMap((kind) => layout.shapes.filter((s) => s.kind === kind).map((s) => shapeSvg(layout, id, s))).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" id="${id}" class="chart chart-${layout.type}" viewBox="0 0 ${layout.width} ${layout.height}" `
    + `width="${layout.width}" height="${layout.height}" role="img" aria-labelledby="${id}-title ${id}-desc">`
    + `<title id="${id}-title">${esc(layout.data.title)}</title><desc id="${id}-desc">${esc(layout.data.desc)}</desc>`
    + `${patterns(layout, id)}${body}</svg>`;
}
