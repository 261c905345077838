/** One line chart per indicator, drawn from the indicators table's own columns (so the chart and the table agree). */
import { lineChartSvg, seriesFromTable } from '../../lib/chart';
import type { Table } from '../../lib/table/table';
import { INDICATORS, type IndicatorDef } from './indicator-defs';
import { columnKey } from './indicators-table';

/** The row's year: '2023年（令和5年）' → '2023'. */
const shortYear = (label: string) => /^(\d{4})年/.exec(label)?.[1] ?? label;

export function indicatorChart(table: Table, def: IndicatorDef): string {
  const { categories, series } = seriesFromTable(table, [
    { column: columnKey(def, 'actual'), labels: true },
    { column: columnKey(def, 'path') },
    { column: columnKey(def, 'target'), labels: true },
  ], { category: (r) => shortYear(r.label) });
  const unit = def.unit;
  return lineChartSvg({
    title: `指標${def.no} ${def.name}（${unit}）の推移`,
    desc: `${def.name}の実績（実線と黒丸、数値付き）、基準値から目標値への計画値（破線と四角）、目標値（ひし形）。`
      + `横軸は${def.yearKind === 'calendar' ? '年' : '年度'}、縦軸は${unit}。同じ数値を下の表に示します。`,
    categories,
    series,
    unit,
  }, `chart-indicator-${def.no}`);
}

export function indicatorCharts(table: Table): { def: IndicatorDef; svg: string }[] {
  return INDICATORS.map((def) => ({ def, svg: indicatorChart(table, def) }));
}
