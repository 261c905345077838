/**
 * Report 'training-yearly' (?from=2019&to=2023): the citizen-guardian pipeline per fiscal year —
 * completions, follow-up attendances (延べ), bank registrants and 協力員 at the year's end, and
 * indicator 2. Readable with guardians:read (center staff and managers; ward users are refused).
 */
import type { Knex } from 'knex';
import { fiscalYearLabel } from '../../lib/dates';
import type { Table } from '../../lib/table/table';
import type { PastFiguresSpec, ReportDef, ReportScope, YearsParams } from '../../contracts/report';
import { loadPastYears, markEntered, pastNotes, yearCells, yearColumns, periodName, yearsAndFilters } from '../reports';
import { citizenGuardianCases } from './guardians-indicator';
import { completionsByYear, followupAttendancesByYear, periodStockByYear } from './training-counts';

export const TRAINING_TITLE = '市民後見人の養成・活動状況';

export const TRAINING_ROWS = ['養成講座修了者数', 'フォローアップ研修受講者数', 'バンク登録者数', '法人後見協力員数', '市民後見人対応ケース数'] as const;

export const TRAINING_NOTES = [
  '養成講座修了者数は修了日の年度で数えています。',
  'フォローアップ研修受講者数は延べ人数（1人が2回受講すれば2）です。',
  'バンク登録者数・法人後見協力員数は各年度末（3月31日）時点の人数です。年度末までに抹消・終了した人は含みません。',
  '市民後見人対応ケース数（成果指標2）は、年度末までに選任され、年度の初め（4月1日）より前に終了していない受任の本人の数です。',
];

/** Past-year figure keys, in TRAINING_ROWS order. */
const ROW_KEYS = ['completions', 'followups', 'bank', 'cooperators', 'cases'] as const;

const countsOf = (db: Knex, from: number, to: number) => Promise.all([
  completionsByYear(db, from, to), followupAttendancesByYear(db, from, to),
  periodStockByYear(db, from, to, 'bank'), periodStockByYear(db, from, to, 'cooperator'), citizenGuardianCases(db, from, to),
]);

/** A fiscal year in which any of the five rows counts something has records; earlier years may take entered figures. */
export const trainingPastFigures: PastFiguresSpec = {
  rows: async () => TRAINING_ROWS.map((label, i) => ({ key: ROW_KEYS[i], label })),
  recordYears: async (db, from, to) => {
    const counts = await countsOf(db, from, to);
    const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
    return new Set(years.filter((fy) => counts.some((c) => (c.get(fy) ?? 0) > 0)));
  },
};

async function build(db: Knex, params: YearsParams, scope: ReportScope): Promise<Table> {
  const { from, to } = params;
  const [counts, past] = await Promise.all([countsOf(db, from, to), loadPastYears(db, 'training-yearly', trainingPastFigures, from, to, scope)]);
  const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const { headerRows, columns } = yearColumns(years, past);
  const rows = TRAINING_ROWS.map((label, i) => ({ label, cells: yearCells(past, ROW_KEYS[i], years, (fy) => counts[i].get(fy) ?? 0).map((v) => v ?? 0) }));
  return {
    id: trainingYearly.id,
    title: `${periodName(params)} ${TRAINING_TITLE}`,
    subtitle: `対象期間：${fiscalYearLabel(from)}〜${fiscalYearLabel(to)}`,
    rowHeader: '項目',
    headerRows,
    columns,
    rows: markEntered(rows, years, past),
    notes: [...TRAINING_NOTES, ...pastNotes(past)],
  };
}

export const trainingYearly: ReportDef<YearsParams> = {
  id: 'training-yearly',
  title: `${TRAINING_TITLE}の推移`,
  description: '年度ごとの養成講座修了者数、フォローアップ研修受講者数（延べ）、年度末のバンク登録者数・法人後見協力員数、市民後見人対応ケース数（成果指標2）。',
  fileTitle: TRAINING_TITLE,
  access: 'guardians:read',
  period: 'years',
  filters: [],
  parse: yearsAndFilters([]),
  build: (db, params, scope) => build(db, params, scope),
  pastFigures: trainingPastFigures,
};
