/** Server-rendered charts: `barChartSvg(data, id)` and `lineChartSvg(data, id)` give inline SVG markup. */
import type { ChartData, ChartSize } from './chart-types';
import { barLayout } from './bar-layout';
import { lineLayout } from './line-layout';
import { layoutToSvg } from './svg';

export type { ChartData, ChartLayout, ChartSize, Series, Shape } from './chart-types';
export { barLayout } from './bar-layout';
export { lineLayout } from './line-layout';
export { layoutToSvg } from './svg';
export { drawChart } from './pdf';
export { seriesFromTable } from './from-table';
export { tableChart, type TableChartSpec } from './table-chart';

export function barChartSvg(data: ChartData, id: string, size?: ChartSize): string {
  return layoutToSvg(barLayout(data, size), id);
}

export function lineChartSvg(data: ChartData, id: string, size?: ChartSize): string {
  return layoutToSvg(lineLayout(data, size), id);
}
