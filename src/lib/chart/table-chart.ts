/**
 * A one-series bar chart's data taken from a Table, so a chart always shows the table's own cells:
 * one bar per body row (the value from one column, by default the 合計 column) or one bar per
 * column (the value from one row, by default the 計 row). Cells that are not numbers count as 0.
 * The caption is the chart's title and its one series' label (the legend prints it).
 */
import type { Table } from '../table/table';
import type { ChartData } from './chart-types';

export type TableChartSpec =
  /** One bar per row but the totals row; `column`: the key of the column to plot (default: the first total column, else the last). */
  | { by: 'rows'; caption: string; column?: string }
  /** One bar per column but the total columns; `row`: the label of the row to plot (default: the last totals row, else the last row). */
  | { by: 'columns'; caption: string; row?: string };

const num = (v: number | string | null | undefined): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

const oneSeries = (caption: string, bars: { label: string; value: number }[]): ChartData => ({
  title: caption,
  desc: `${caption}。同じ数値を表に示します。`,
  categories: bars.map((b) => b.label),
  series: [{ key: 'value', label: caption, values: bars.map((b) => b.value) }],
});

export function tableChart(t: Table, spec: TableChartSpec): ChartData {
  if (spec.by === 'rows') {
    const totalAt = t.columns.findIndex((c) => c.total);
    const j = spec.column !== undefined
      ? t.columns.findIndex((c) => c.key === spec.column)
      : totalAt >= 0 ? totalAt : t.columns.length - 1;
    if (j < 0) throw new Error(`Table ${t.id}: no column '${spec.column}' to chart`);
    return oneSeries(spec.caption, t.rows.filter((r) => !r.total).map((r) => ({ label: r.label, value: num(r.cells[j]) })));
  }
  const row = spec.row !== undefined
    ? t.rows.find((r) => r.label === spec.row)
    : ([...t.rows].reverse().find((r) => r.total) ?? t.rows[t.rows.length - 1]);
  if (!row) throw new Error(`Table ${t.id}: no row '${spec.row ?? '計'}' to chart`);
  const bars = t.columns.map((c, j) => ({ c, value: num(row.cells[j]) })).filter((b) => !b.c.total);
  return oneSeries(spec.caption, bars.map((b) => ({ label: b.c.label, value: b.value })));
}
