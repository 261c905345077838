/** Assembles a consultation table (monthly or a breakdown) from the categories and one aggregate. */
import type { Knex } from 'knex';
import { fiscalMonths, fiscalYearName, fiscalYearRange, toWareki } from '../../lib/dates';
import { withTotals, type Table } from '../../lib/table/table';
import { categoryColumns, loadCategories } from './consultation-columns';
import { countByCategory, countLookup } from './consultation-counts';
import { AppliedFilter, Dimension, resolveFilters } from './consultation-dimensions';
import type { FyParams } from '../../contracts/report';

export const CONSULTATIONS_TITLE = '成年後見制度に関する相談件数';
export const UNSET_LABEL = '未設定';
export const CONSULTATION_NOTES = [
  '件数は相談1回につき主な相談種別1つで数えています。削除された相談記録は含みません。',
  '使用を停止した種別・区分は、その年度に件数がある場合に表示しています。',
];

export function consultationsSubtitle(fy: number, filters: AppliedFilter[]): string {
  const { from, to } = fiscalYearRange(fy);
  const period = `対象期間：${toWareki(from)}〜${toWareki(to)}`;
  if (filters.length === 0) return period;
  return `${period} 絞り込み：${filters.map((f) => `${f.dimension.label}＝${f.label}`).join('、')}`;
}

interface RowSpec { label: string; dim: number | null }

/** by 'month': rows 4月 … 3月. By a dimension: its values in master order (retired ones and 未設定 only when non-zero). */
export async function consultationTable(db: Knex, id: string, params: FyParams, by: 'month' | Dimension): Promise<Table> {
  const filters = await resolveFilters(db, params.filters);
  const [categories, counts, values] = await Promise.all([
    loadCategories(db),
    countByCategory(db, params.fy, filters, by),
    by === 'month' ? Promise.resolve([]) : by.options(db),
  ]);
  const cols = categoryColumns(categories, new Set(counts.filter((c) => c.n > 0).map((c) => c.category_id)));
  const count = countLookup(counts);
  const rowTotal = new Map<number | null, number>();
  for (const c of counts) rowTotal.set(c.dim, (rowTotal.get(c.dim) ?? 0) + Number(c.n));

  const specs: RowSpec[] = by === 'month'
    ? fiscalMonths(params.fy).map((m) => ({ label: m.label, dim: m.month }))
    : [
      ...values.filter((v) => !v.retired || (rowTotal.get(v.id) ?? 0) > 0).map((v) => ({ label: v.label, dim: v.id })),
      ...((rowTotal.get(null) ?? 0) > 0 ? [{ label: UNSET_LABEL, dim: null }] : []),
    ];
  const body = specs.map((s) => ({ label: s.label, cells: cols.categoryIds.map((cid) => count(s.dim, cid)) }));
  const suffix = by === 'month' ? '' : `（${by.titleSuffix}）`;
  return {
    id,
    title: `${fiscalYearName(params.fy)} ${CONSULTATIONS_TITLE}${suffix}`,
    subtitle: consultationsSubtitle(params.fy, filters),
    rowHeader: by === 'month' ? '月' : by.label,
    headerRows: cols.headerRows,
    columns: cols.columns,
    // Zeros, never blanks: even an empty table's totals are 0.
    rows: withTotals(body, { rowTotal: true, colTotalLabel: '計' }).map((r) => ({ ...r, cells: r.cells.map((v) => v ?? 0) })),
    notes: CONSULTATION_NOTES,
  };
}
