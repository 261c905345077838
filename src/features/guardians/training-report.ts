/**
 * Report 'training-yearly' (?from=2019&to=2023): the citizen-guardian pipeline per fiscal year —
 * completions, follow-up attendances (延べ), bank registrants and 協力員 at the year's end, and
 * indicator 2. Readable with guardians:read (center staff and managers; ward users are refused).
 */
import { fiscalYearLabel } from '../../lib/dates';
import type { Table } from '../../lib/table/table';
import type { PastFiguresSpec, ReportDef, ReportScope, YearsParams } from '../../contracts/report';
import { loadPastYears, markEntered, pastNotes, yearCells, yearColumns, periodName, yearsAndFilters } from '../reports';
import type { PeriodKind } from './roster/guardian-status';
import { Knex } from 'knex';

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

/**
 * The counts behind the training table, one GROUP BY per row over the fiscal years of the span
 * (generate_series, so a year with nothing counts 0). Fiscal year N runs make_date(N, 4, 1) ..
 * make_date(N + 1, 3, 31); a stock is taken at the year's end, 3/31.
 */
type Counts = Map<number, number>;

const START = 'make_date(y.fy, 4, 1)';
const END = 'make_date(y.fy + 1, 3, 31)';

/** `count` over `join` (a LEFT JOIN on the year y.fy), per year from … to. The SQL pieces are constants of this file. */
async function perYear(db: Knex, from: number, to: number, count: string, join: string, bindings: string[] = []): Promise<Counts> {
  const result = await db.raw(
    `SELECT y.fy::int AS fy, ${count}::int AS n FROM generate_series(?::int, ?::int) AS y(fy) ${join} GROUP BY y.fy ORDER BY y.fy`,
    [from, to, ...bindings],
  );
  return new Map((result.rows as { fy: number; n: number }[]).map((r) => [r.fy, r.n]));
}

/** 養成講座修了者数: completions dated in the year (attendance-based and imported alike). */
export const completionsByYear = (db: Knex, from: number, to: number) => perYear(db, from, to, 'count(e.id)',
  `LEFT JOIN guardian_course_enrolments e ON e.completed_on BETWEEN ${START} AND ${END}`);

/** フォローアップ研修受講者数: every attendance at a session held in the year (延べ). */
export const followupAttendancesByYear = (db: Knex, from: number, to: number) => perYear(db, from, to, 'count(a.guardian_id)',
  `LEFT JOIN guardian_followup_sessions s ON s.held_on BETWEEN ${START} AND ${END}
   LEFT JOIN guardian_followup_attendance a ON a.session_id = s.id`);

/** People in a period of `kind` at the year's end: started by 3/31 and not ended by then. */
export const periodStockByYear = (db: Knex, from: number, to: number, kind: PeriodKind) => perYear(db, from, to, 'count(DISTINCT p.guardian_id)',
  `LEFT JOIN guardian_periods p ON p.kind = ? AND p.started_on <= ${END} AND (p.ended_on IS NULL OR p.ended_on > ${END})`, [kind]);

/**
 * Plan indicator 2 (domain.md §7): 市民後見人の対応ケース数 — cases handled by citizen guardians,
 * counted per fiscal year as the cases active in that year: appointed on or before the year's
 * end (3/31) and not ended before its start (4/1). A case is one 本人: a person served by two
 * citizen guardians in one year (a successor) counts once. Counted in SQL, one row per year.
 */
export async function citizenGuardianCases(db: Knex | Knex.Transaction, fromFy: number, toFy: number): Promise<Map<number, number>> {
  const result = await db.raw(`
    SELECT y.fy::int AS fy, count(DISTINCT a.person_id)::int AS n
    FROM generate_series(?::int, ?::int) AS y(fy)
    LEFT JOIN guardian_appointments a
      ON a.appointed_on <= make_date(y.fy + 1, 3, 31)
     AND (a.ended_on IS NULL OR a.ended_on >= make_date(y.fy, 4, 1))
    GROUP BY y.fy ORDER BY y.fy`, [fromFy, toFy]);
  return new Map((result.rows as { fy: number; n: number }[]).map((r) => [r.fy, r.n]));
}
