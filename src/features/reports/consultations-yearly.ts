/**
 * The consultation total per fiscal year (相談件数の年度推移): 相談件数 and 実人数, one column per
 * fiscal year. Years before the system existed come from past-year figures (過年度実績).
 */
import type { Knex } from 'knex';
import { fiscalYearLabel, fiscalYearRange } from '../../lib/dates';
import type { Table } from '../../lib/table/table';
import { loadPastYears, markEntered, pastNotes, yearCells, yearColumns } from './past-figures/past-years';
import type { PastFiguresSpec, ReportDef, ReportScope, YearsParams } from '../../contracts/report';
import { CONSULTATIONS_TITLE } from './consultation-table';
import { periodName } from './report-export';
import { yearsAndFilters } from './report-params';

export const CONSULTATIONS_YEARLY_ID = 'consultations-yearly';

const ROWS = [
  { key: 'total', label: '相談件数' },
  { key: 'persons', label: '実人数', optional: true },
] as const;

const NOTES = [
  '相談件数は相談1回を1件として、相談日の年度で数えています。削除された相談記録は含みません。',
  '実人数は、本人を記録した相談の本人の数です（同じ年度の同じ本人は1人。本人を記録していない匿名の相談は含みません）。',
];

interface YearRow { fy: number; total: number; persons: number }

/** One GROUP BY over the span's live consultations (the consulted_on tally index). */
async function countByYear(db: Knex, from: number, to: number): Promise<Map<number, YearRow>> {
  const rows: { fy: number; total: string; persons: string }[] = await db('consultations')
    .select(db.raw("EXTRACT(YEAR FROM consulted_on - INTERVAL '3 months')::int AS fy"))
    .count({ total: '*' })
    .countDistinct({ persons: 'person_id' })
    .whereNull('deleted_at')
    .where('consulted_on', '>=', fiscalYearRange(from).from)
    .where('consulted_on', '<=', fiscalYearRange(to).to)
    .groupByRaw('1');
  return new Map(rows.map((r) => [Number(r.fy), { fy: Number(r.fy), total: Number(r.total), persons: Number(r.persons) }]));
}

export const consultationsPastFigures: PastFiguresSpec = {
  rows: async () => ROWS.map((r) => ({ ...r })),
  recordYears: async (db, from, to) => new Set((await countByYear(db, from, to)).keys()),
};

export async function consultationsYearTable(db: Knex, params: YearsParams, scope: ReportScope): Promise<Table> {
  const [counts, past] = await Promise.all([
    countByYear(db, params.from, params.to),
    loadPastYears(db, CONSULTATIONS_YEARLY_ID, consultationsPastFigures, params.from, params.to, scope),
  ]);
  const years = Array.from({ length: params.to - params.from + 1 }, (_, i) => params.from + i);
  const rows = ROWS.map((r) => ({ label: r.label, cells: yearCells(past, r.key, years, (fy) => counts.get(fy)?.[r.key] ?? 0) }));
  return {
    id: CONSULTATIONS_YEARLY_ID,
    title: `${periodName(params)} ${CONSULTATIONS_TITLE}（年度別）`,
    subtitle: `対象期間：${fiscalYearLabel(params.from)}〜${fiscalYearLabel(params.to)}`,
    rowHeader: '区分',
    ...yearColumns(years, past),
    rows: markEntered(rows, years, past),
    notes: [...NOTES, ...pastNotes(past)],
  };
}

/** The center's own records: read with consultations:read (never a ward office). */
export const consultationsYearly: ReportDef<YearsParams> = {
  id: CONSULTATIONS_YEARLY_ID,
  title: `${CONSULTATIONS_TITLE}（年度別）`,
  description: '年度ごとの相談件数と実人数の推移（既定は直近5年度）。記録のない年度は過年度実績を表示します。',
  fileTitle: '相談件数_年度別',
  access: 'consultations:read',
  period: 'years',
  filters: [],
  parse: yearsAndFilters([]),
  build: (db, params, scope) => consultationsYearTable(db, params, scope),
  pastFigures: consultationsPastFigures,
};
