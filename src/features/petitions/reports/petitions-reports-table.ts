/** Assembles a petitions trend table: rows a master list (ward, 類型, 根拠法) then 計, one column per fiscal year of filing. */
import type { Knex } from 'knex';
import { fiscalYearLabel, fiscalYearRange } from '../../../lib/dates';
import { withTotals, type Table } from '../../../lib/table/table';
import { loadPastYears, markEntered, pastNotes, yearCells, yearColumns, UNSET_LABEL, periodName } from '../../reports';
import type { PastFiguresSpec, ReportScope, YearsParams } from '../../../contracts/report';
import { STATUTORY_TYPES } from '../petitions-options';

export const PETITIONS_TITLE = '市長申立て件数';

export const PETITIONS_NOTES = [
  '件数は家庭裁判所への申立日（段階8「家裁申立て」）の年度で数えています。申立て前の案件は含みません。',
  '使用を停止した区分は、期間内に件数がある場合に表示しています。',
];

/** A row value: its id and label, and whether it is shown even with no petitions (else only when counted). */
export interface RowValue { id: number; label: string; always: boolean }

export interface PetitionDimension {
  column: PetitionCountColumn;
  /** The corner cell: '区'. */
  label: string;
  /** The title's suffix: '区別'. */
  titleSuffix: string;
  values(db: Knex, scope: ReportScope): Promise<RowValue[]>;
  /** The key of a row value's past-year figures: 'ward_3', 'code_12'. */
  rowKey(id: number): string;
}

const codeValues = (list: string, always: (label: string, retired: boolean) => boolean) => async (db: Knex): Promise<RowValue[]> => {
  const rows: { id: number; label: string; retired: boolean }[] = await db('code_entries').where({ list })
    .orderBy(['sort_order', 'id']).select('id', 'label', db.raw('retired_at IS NOT NULL AS retired'));
  return rows.map((r) => ({ id: r.id, label: r.label, always: always(r.label, r.retired) }));
};

export const PETITION_DIMENSIONS: Record<'ward' | 'type' | 'basis', PetitionDimension> = {
  ward: {
    column: 'ward_id', label: '区', titleSuffix: '区別',
    // A ward user's table has their ward's row only.
    values: async (db, scope) => {
      const q = db('wards').orderBy(['sort_order', 'id']).select('id', 'name as label', db.raw('retired_at IS NULL AS always'));
      if (scope.wardId !== null) q.where('id', scope.wardId);
      return (await q).map((r: RowValue) => ({ ...r, always: r.always || scope.wardId !== null }));
    },
    rowKey: (id) => `ward_${id}`,
  },
  type: { column: 'type_sought_id', label: '類型', titleSuffix: '類型別', values: codeValues('guardianship_type', (l, retired) => !retired && STATUTORY_TYPES.includes(l)), rowKey: (id) => `code_${id}` },
  basis: { column: 'legal_basis_id', label: '根拠法', titleSuffix: '根拠法別', values: codeValues('legal_basis', (_l, retired) => !retired), rowKey: (id) => `code_${id}` },
};

async function scopeNote(db: Knex, scope: ReportScope): Promise<string> {
  if (scope.wardId === null) return '';
  const ward = await db('wards').where({ id: scope.wardId }).first('name');
  return ` 対象：${ward?.name ?? ''}のみ`;
}

/**
 * The table of `d` over params.from … params.to; zeros shown, never blanks. A fiscal year without
 * filed petitions but with past-year figures entered (`figures`) shows the figures, marked ※.
 */
export async function petitionYearTable(
  db: Knex, id: string, params: YearsParams, scope: ReportScope, d: PetitionDimension, figures: PastFiguresSpec,
): Promise<Table> {
  const [values, counts, note, past] = await Promise.all([
    d.values(db, scope), countFiledByYear(db, d.column, params, scope), scopeNote(db, scope), loadPastYears(db, id, figures, params.from, params.to, scope),
  ]);
  const count = yearCountLookup(counts);
  const years = Array.from({ length: params.to - params.from + 1 }, (_, i) => params.from + i);
  const cells = (dim: number | null) => yearCells(past, dim === null ? null : d.rowKey(dim), years, (fy) => count(dim, fy));
  const counted = (dim: number | null) => cells(dim).some((v) => typeof v === 'number' && v > 0);
  const specs = [
    ...values.filter((v) => v.always || counted(v.id)).map((v) => ({ label: v.label, dim: v.id as number | null })),
    ...(counted(null) ? [{ label: UNSET_LABEL, dim: null }] : []),
  ];
  const body = specs.map((s) => ({ label: s.label, cells: cells(s.dim) }));
  const rows = withTotals(body, { rowTotal: false, colTotalLabel: '計' }).map((r) => ({ ...r, cells: r.cells.map((v) => v ?? 0) }));
  return {
    id,
    title: `${periodName(params)} ${PETITIONS_TITLE}（${d.titleSuffix}）`,
    subtitle: `対象期間：${fiscalYearLabel(params.from)}〜${fiscalYearLabel(params.to)}${note}`,
    rowHeader: d.label,
    ...yearColumns(years, past),
    rows: markEntered(rows, years, past),
    notes: [...PETITIONS_NOTES, ...pastNotes(past)],
  };
}

// The one aggregate behind the petitions trend tables: filed petitions per (row value × fiscal year of filing).

/** The petitions columns a trend table can break down by. */
export type PetitionCountColumn = 'ward_id' | 'type_sought_id' | 'legal_basis_id';

export interface YearCount {
  /** The row value's id; null where the petition has none. */
  dim: number | null;
  fy: number;
  n: number;
}

/**
 * One GROUP BY over the petitions filed (filed_on: stage 8, 家裁申立て) in the span, using the
 * (filed_on, ward_id) index. The fiscal year is the year of filed_on three months earlier
 * (2024-03-31 → 2023, 2024-04-01 → 2024). A ward scope limits the rows in SQL.
 */
export function countFiledByYear(db: Knex, column: PetitionCountColumn, params: YearsParams, scope: ReportScope): Promise<YearCount[]> {
  const q = db('petitions as p')
    .select(db.raw('?? AS dim', [`p.${column}`]), db.raw("EXTRACT(YEAR FROM p.filed_on - INTERVAL '3 months')::int AS fy"))
    .count({ n: '*' })
    .where('p.filed_on', '>=', fiscalYearRange(params.from).from)
    .where('p.filed_on', '<=', fiscalYearRange(params.to).to)
    .groupByRaw('1, 2');
  if (scope.wardId !== null) q.where('p.ward_id', scope.wardId);
  return q as unknown as Promise<YearCount[]>;
}

/** Lookup of a count by (dim, fy): zero where the query returned no row. */
export function yearCountLookup(rows: YearCount[]): (dim: number | null, fy: number) => number {
  const m = new Map(rows.map((r) => [`${r.dim}:${r.fy}`, Number(r.n)]));
  return (dim, fy) => m.get(`${dim}:${fy}`) ?? 0;
}

/** The fiscal years in from..to in which any petition was filed (every ward): those years count records, not past figures. */
export async function filedYears(db: Knex, from: number, to: number): Promise<Set<number>> {
  const rows: { fy: number }[] = await db('petitions')
    .select(db.raw("DISTINCT EXTRACT(YEAR FROM filed_on - INTERVAL '3 months')::int AS fy"))
    .where('filed_on', '>=', fiscalYearRange(from).from)
    .where('filed_on', '<=', fiscalYearRange(to).to);
  return new Set(rows.map((r) => Number(r.fy)));
}
