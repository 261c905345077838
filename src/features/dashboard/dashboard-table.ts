/**
 * The dashboard's comparison as one Table (this month and this fiscal year so far, each against the
 * same days last year, and the change) and one bar chart per measure drawn from that table's cells.
 */
import type { Knex } from 'knex';
import { barChartSvg } from '../../lib/chart';
import { groupedHeader, type Table } from '../../lib/table/table';
import type { DashboardMeasure } from '../../contracts/dashboard';
import { comparisons, periodText, type Comparison } from './dashboard-periods';

export const DASHBOARD_TABLE_ID = 'dashboard';
const PARTS = [
  { key: 'current', label: '今年' },
  { key: 'previous', label: '前年同期' },
  { key: 'change', label: '増減' },
] as const;

export const cellKey = (c: Comparison, part: (typeof PARTS)[number]['key']) => `${c.key}_${part}`;

export async function dashboardTable(db: Knex, today: string, measures: readonly DashboardMeasure[]): Promise<Table> {
  const periods = comparisons(today);
  const counts = await Promise.all(measures.map((m) => Promise.all(periods.flatMap((c) => [
    m.count(db, c.current.from, c.current.to), m.count(db, c.previous.from, c.previous.to),
  ]))));
  const { headerRows, columns } = groupedHeader(periods.map((c) => ({
    label: c.label, children: PARTS.map((p) => ({ key: cellKey(c, p.key), label: p.label })),
  })));
  return {
    id: DASHBOARD_TABLE_ID,
    title: '今月・年度累計と前年同期の比較',
    subtitle: periods.map((c) => `${c.label}：${periodText(c.current)}（前年同期：${periodText(c.previous)}）`).join('　'),
    rowHeader: '項目',
    headerRows,
    columns,
    rows: measures.map((m, i) => ({
      label: `${m.label}（${m.unit}）`,
      cells: periods.flatMap((_c, j) => {
        const [current, previous] = [counts[i][2 * j], counts[i][2 * j + 1]];
        return [current, previous, current - previous];
      }),
    })),
    notes: ['前年同期は、1年前の同じ月日までの件数です（2月29日は2月28日まで）。'],
  };
}

/** One bar chart per measure (row): 今月 and 年度累計, each 今年 beside 前年同期, read off the table's cells. */
export function dashboardCharts(t: Table, today: string, measures: readonly DashboardMeasure[]): { measure: DashboardMeasure; svg: string }[] {
  const periods = comparisons(today);
  const cell = (row: number, key: string) => t.rows[row].cells[t.columns.findIndex((c) => c.key === key)] as number;
  return measures.map((m, i) => ({
    measure: m,
    svg: barChartSvg({
      title: `${m.label}：今年と前年同期`,
      desc: `${m.label}の件数。今月と年度累計のそれぞれについて、今年（黒の棒）と前年同期（斜線の棒）を並べ、棒の上に件数を示します。同じ数値を表に示します。`,
      categories: periods.map((c) => c.label),
      series: (['current', 'previous'] as const).map((part) => ({
        key: part, label: part === 'current' ? '今年' : '前年同期', values: periods.map((c) => cell(i, cellKey(c, part))),
      })),
      unit: m.unit,
    }, `chart-dashboard-${m.key.replace(/_/g, '-')}`, { width: 360, height: 240 }),
  }));
}
