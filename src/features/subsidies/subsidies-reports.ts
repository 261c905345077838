/**
 * subsidies-yearly (issue 6): per fiscal year of the decision, 件数 (approved applications) and
 * 助成額（千円）, then the same two rows for each funding line. Read with 'subsidies:read', which no
 * ward user has: the report routes answer them 403.
 */
import type { Knex } from 'knex';
import { fiscalYearLabel, fiscalYearRange } from '../../lib/dates';
import type { Row, Table } from '../../lib/table/table';
import type { PastFiguresSpec, ReportDef, ReportScope, YearsParams } from '../../contracts/report';
import { countRows, type DashboardMeasure } from '../../contracts/dashboard';
import { loadPastYears, markEntered, pastNotes, yearCells, yearColumns, periodName, yearsAndFilters } from '../reports';
import { FUNDING_LINES } from './subsidies-values';

/** The one aggregate behind the yearly subsidy table: approved applications per fiscal year of the decision and funding line. */
export interface YearSums {
  fy: number;
  /** the funding line; null on the row totalling the year */
  line: string | null;
  n: number;
  /** the granted yen summed, in thousands rounded half up (from the yen sum, never from rounded parts) */
  thousands: number;
}

/**
 * One GROUP BY over the approved (承認, paid or not) live applications decided in the span, with the
 * year totals as a grouping set. The fiscal year is the year of decided_on three months earlier.
 * Rounding is done in SQL on the yen sum: (sum + 500) / 1000 in integer arithmetic (sums are never negative).
 */
export async function countApprovedByYear(db: Knex, params: YearsParams, scope: ReportScope): Promise<YearSums[]> {
  const inner = db('subsidies as s')
    .select(db.raw("EXTRACT(YEAR FROM s.decided_on - INTERVAL '3 months')::int AS fy"), 's.funding_line as line', 's.granted_yen')
    .whereNull('s.deleted_at').where('s.decision', '承認')
    .where('s.decided_on', '>=', fiscalYearRange(params.from).from)
    .where('s.decided_on', '<=', fiscalYearRange(params.to).to);
  if (scope.wardId !== null) inner.where('s.ward_id', scope.wardId);
  const rows = await db.select('a.fy', db.raw('CASE WHEN GROUPING(a.line) = 1 THEN NULL ELSE a.line END AS line'))
    .count({ n: '*' })
    .select(db.raw('(COALESCE(sum(a.granted_yen), 0) + 500) / 1000 AS thousands'))
    .from(inner.as('a'))
    .groupByRaw('GROUPING SETS ((a.fy, a.line), (a.fy))');
  return (rows as Record<string, unknown>[]).map((r) => ({ fy: Number(r.fy), line: (r.line as string | null) ?? null, n: Number(r.n), thousands: Number(r.thousands) }));
}

export const SUBSIDIES_TITLE = '報酬助成の実績';
export const COUNT_LABEL = '件数';
export const AMOUNT_LABEL = '助成額（千円）';

export const SUBSIDIES_NOTES = [
  '決定日の年度（4月〜翌3月）で、承認した申請（支払済を含む）を数えています。却下した申請は含みません。',
  '助成額（千円）は助成額（円）の合計を千円単位にし、千円未満を四捨五入しています。全体の行も円の合計から四捨五入するため、財源区分ごとの値の和と1千円ずれることがあります。',
];

/** Past-year figure keys: count_all / amount_all, then count_line0 / amount_line0 … in FUNDING_LINES order. */
const lineKey = (line: string | null) => (line === null ? 'all' : `line${FUNDING_LINES.indexOf(line as (typeof FUNDING_LINES)[number])}`);
const LINES: (string | null)[] = [null, ...FUNDING_LINES];

/** A fiscal year with any approved application counts records; earlier years may take entered figures. */
export const subsidyPastFigures: PastFiguresSpec = {
  rows: async () => LINES.flatMap((line) => {
    const prefix = line === null ? '' : `${line} `;
    return [{ key: `count_${lineKey(line)}`, label: `${prefix}${COUNT_LABEL}` }, { key: `amount_${lineKey(line)}`, label: `${prefix}${AMOUNT_LABEL}` }];
  }),
  recordYears: async (db, from, to) => {
    const sums = await countApprovedByYear(db, { from, to, filters: {} }, { wardId: null });
    return new Set(sums.filter((s) => s.line === null && s.n > 0).map((s) => s.fy));
  },
};

export async function subsidyYearTable(db: Knex, params: YearsParams, scope: ReportScope): Promise<Table> {
  const [sums, past] = await Promise.all([
    countApprovedByYear(db, params, scope), loadPastYears(db, 'subsidies-yearly', subsidyPastFigures, params.from, params.to, scope),
  ]);
  const years = Array.from({ length: params.to - params.from + 1 }, (_, i) => params.from + i);
  const at = (fy: number, line: string | null) => sums.find((s) => s.fy === fy && s.line === line);
  const cells = (key: string, value: (fy: number) => number) => yearCells(past, key, years, value).map((v) => v ?? 0);
  const pair = (prefix: string, line: string | null, total: boolean): Row[] => [
    { label: `${prefix}${COUNT_LABEL}`, cells: cells(`count_${lineKey(line)}`, (fy) => at(fy, line)?.n ?? 0), ...(total ? { total } : {}) },
    { label: `${prefix}${AMOUNT_LABEL}`, cells: cells(`amount_${lineKey(line)}`, (fy) => at(fy, line)?.thousands ?? 0), ...(total ? { total } : {}) },
  ];
  const { headerRows, columns } = yearColumns(years, past);
  return {
    id: subsidiesYearly.id,
    title: `${periodName(params)} ${SUBSIDIES_TITLE}`,
    subtitle: `対象期間：${fiscalYearLabel(params.from)}〜${fiscalYearLabel(params.to)}`,
    rowHeader: '区分',
    headerRows,
    columns,
    rows: markEntered([...pair('', null, true), ...FUNDING_LINES.flatMap((line) => pair(`${line} `, line, false))], years, past),
    notes: [...SUBSIDIES_NOTES, ...pastNotes(past)],
  };
}

export const subsidiesYearly: ReportDef<YearsParams> = {
  id: 'subsidies-yearly',
  title: `${SUBSIDIES_TITLE}の推移（年度別）`,
  description: '報酬助成を承認した件数と助成額（千円）を、決定日の年度ごとに、全体と財源区分（高齢・障がい）別に集計します（既定は直近5年度）。',
  fileTitle: SUBSIDIES_TITLE,
  access: 'subsidies:read',
  period: 'years',
  filters: [],
  parse: yearsAndFilters([]),
  build: (db, params, scope) => subsidyYearTable(db, params, scope),
  pastFigures: subsidyPastFigures,
};

/** The dashboard's measure: approved applications by decision date. */
export const subsidiesGrantedMeasure: DashboardMeasure = {
  key: 'subsidies_granted', label: '報酬助成（承認）', unit: '件', href: '/reports/subsidies-yearly',
  count: (db, from, to) => countRows(db('subsidies').whereNull('deleted_at').where('decision', '承認').whereBetween('decided_on', [from, to])),
};
