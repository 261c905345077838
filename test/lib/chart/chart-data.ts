/** Reading the data a chart's SVG carries: every bar and point with its series, category and value. */
export interface Drawn { series: string; category: number; value: number }

export function drawnValues(svg: string, id?: string): Drawn[] {
  const scope = id ? (new RegExp(`<svg[^>]*id="${id}"[\\s\\S]*?</svg>`).exec(svg)?.[0] ?? '') : svg;
  return [...scope.matchAll(/class="chart-(?:bar|point)"[^>]*data-series="([^"]+)" data-category="(\d+)" data-value="([^"]+)"/g)]
    .map((m) => ({ series: m[1], category: Number(m[2]), value: Number(m[3]) }));
}

/** The values of one series by category index (undefined where nothing is drawn). */
export function seriesValues(drawn: Drawn[], series: string, categories: number): (number | undefined)[] {
  return Array.from({ length: categories }, (_, i) => drawn.find((d) => d.series === series && d.category === i)?.value);
}
