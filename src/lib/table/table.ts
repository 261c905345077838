/**
 * The one table model every tally returns. Renderers: views/partials/table.ejs (HTML),
 * csv.ts, xlsx.ts, pdf.ts. A table is plain data, so the same value renders everywhere.
 */

export interface HeaderCell {
  label: string;
  colSpan?: number;
  rowSpan?: number;
}

export interface Column {
  key: string;
  label: string;
  /** One-row header name for CSV: '後見人支援/身上保護' for a child, the label otherwise. */
  csvLabel: string;
  /** A totals column (合計): renderers set it in bold. */
  total?: boolean;
}

export interface Row {
  label: string;
  cells: (number | string | null)[];
  /** The 計 row: renderers set it in bold. */
  total?: boolean;
  /** marks[i] flags cells[i] (e.g. an entered 過年度 figure); HTML and PDF show '※'. */
  marks?: boolean[];
}

export interface Table {
  id: string;
  title: string;
  subtitle?: string;
  /** The corner cell's label, heading the row labels (e.g. '月'). */
  rowHeader: string;
  /** Display header rows without the corner cell; renderers add it with rowSpan = headerRows.length. */
  headerRows: HeaderCell[][];
  columns: Column[];
  rows: Row[];
  notes: string[];
}

export interface LeafSpec {
  key: string;
  label: string;
  total?: boolean;
}

export interface HeaderGroup {
  /** Column key when the group has no children (defaults to the label). */
  key?: string;
  label: string;
  children?: { key: string; label: string }[];
}

/** The trailing 合計 column, for groupedHeader(groups, [TOTAL_COLUMN]) with withTotals(rows, { rowTotal: true }). */
export const TOTAL_COLUMN: LeafSpec = { key: 'total', label: '合計', total: true };

/**
 * Header rows and columns for leaf columns grouped under parents. A group with children
 * spans them on row 1 and lists them on row 2; a childless group (and every trailing
 * column) spans both rows. With no children anywhere there is a single header row.
 */
export function groupedHeader(
  groups: HeaderGroup[],
  trailing: LeafSpec[] = [],
): { headerRows: HeaderCell[][]; columns: Column[] } {
  const twoRows = groups.some((g) => (g.children?.length ?? 0) > 0);
  const top: HeaderCell[] = [];
  const second: HeaderCell[] = [];
  const columns: Column[] = [];
  const leaf = (spec: LeafSpec): void => {
    top.push(twoRows ? { label: spec.label, rowSpan: 2 } : { label: spec.label });
    columns.push({ key: spec.key, label: spec.label, csvLabel: spec.label, ...(spec.total ? { total: true } : {}) });
  };
  for (const g of groups) {
    const children = g.children ?? [];
    if (children.length === 0) {
      leaf({ key: g.key ?? g.label, label: g.label });
      continue;
    }
    top.push(children.length > 1 ? { label: g.label, colSpan: children.length } : { label: g.label });
    for (const c of children) {
      second.push({ label: c.label });
      columns.push({ key: c.key, label: c.label, csvLabel: `${g.label}/${c.label}` });
    }
  }
  trailing.forEach(leaf);
  return { headerRows: twoRows ? [top, second] : [top], columns };
}

function sum(values: (number | string | null)[]): number | null {
  const nums = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  return nums.length === 0 ? null : nums.reduce((a, b) => a + b, 0);
}

/**
 * Appends a row-total cell to every row (rowTotal) and a totals row labelled colTotalLabel
 * (default '計'; null for none). Only numeric cells count; a row or column with no numbers
 * totals to null. Pair rowTotal with TOTAL_COLUMN in the header.
 */
export function withTotals(
  rows: Row[],
  opts: { rowTotal?: boolean; colTotalLabel?: string | null } = {},
): Row[] {
  const { rowTotal = true, colTotalLabel = '計' } = opts;
  const out = rows.map((r) => (rowTotal ? { ...r, cells: [...r.cells, sum(r.cells)] } : { ...r, cells: [...r.cells] }));
  if (colTotalLabel === null) return out;
  const width = Math.max(0, ...out.map((r) => r.cells.length));
  const cells = Array.from({ length: width }, (_, i) => sum(out.map((r) => r.cells[i] ?? null)));
  return [...out, { label: colTotalLabel, cells, total: true }];
}

/** A header cell placed on the grid: row index in headerRows, first column index in columns. */
export interface PlacedHeaderCell {
  label: string;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

/**
 * Places headerRows on the column grid (HTML's row/col-span algorithm) and checks the shape:
 * every header row covers exactly columns.length slots and every body row has that many cells.
 */
export function layoutHeader(t: Table): PlacedHeaderCell[] {
  const n = t.columns.length;
  const taken: boolean[][] = t.headerRows.map(() => new Array<boolean>(n).fill(false));
  const placed: PlacedHeaderCell[] = [];
  t.headerRows.forEach((cells, row) => {
    let col = 0;
    for (const c of cells) {
      while (col < n && taken[row][col]) col++;
      const rowSpan = c.rowSpan ?? 1;
      const colSpan = c.colSpan ?? 1;
      if (col + colSpan > n || row + rowSpan > t.headerRows.length) {
        throw new Error(`Table ${t.id}: header cell '${c.label}' overflows the grid`);
      }
      for (let r = row; r < row + rowSpan; r++) for (let k = col; k < col + colSpan; k++) taken[r][k] = true;
      placed.push({ label: c.label, row, col, rowSpan, colSpan });
      col += colSpan;
    }
  });
  taken.forEach((slots, row) => {
    if (slots.includes(false)) throw new Error(`Table ${t.id}: header row ${row + 1} does not cover ${n} columns`);
  });
  for (const r of t.rows) {
    if (r.cells.length !== n) throw new Error(`Table ${t.id}: row '${r.label}' has ${r.cells.length} cells, expected ${n}`);
  }
  return placed;
}
