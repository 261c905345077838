/**
 * Chart series read off a Table (src/lib/table), so that a chart shown beside its table draws the
 * table's own numbers: categories are the rows, each series one column. A cell that is not a
 * number (blank, '記録なし') is no bar and a gap in a line.
 */
import type { Row, Table } from '../table/table';
import type { Series } from './chart-types';

export interface SeriesColumn {
  /** The Table column's key. */
  column: string;
  /** The legend's label (default: the column's label). */
  label?: string;
  labels?: boolean;
}

export function seriesFromTable(
  t: Table,
  columns: SeriesColumn[],
  opts: { rows?: (r: Row) => boolean; category?: (r: Row) => string } = {},
): { categories: string[]; series: Series[] } {
  const rows = t.rows.filter(opts.rows ?? ((r) => !r.total));
  const series = columns.map((c) => {
    const j = t.columns.findIndex((col) => col.key === c.column);
    if (j < 0) throw new Error(`Table ${t.id} has no column ${c.column}`);
    const values = rows.map((r) => (typeof r.cells[j] === 'number' ? (r.cells[j] as number) : null));
    return { key: c.column, label: c.label ?? t.columns[j].label, values, ...(c.labels ? { labels: true } : {}) };
  });
  return { categories: rows.map(opts.category ?? ((r) => r.label)), series };
}
