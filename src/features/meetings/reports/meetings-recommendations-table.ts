/**
 * 受任調整会議の推薦と選任: rows the recommended type, columns the type the court appointed, plus
 * 未定・未審判 (no appointed type yet) and 合計, then the 計 row and the court-follow rate as a note row.
 * Counted by the fiscal year of the meeting, in one GROUP BY.
 */
import type { Knex } from 'knex';
import { fiscalYearName, fiscalYearRange, toWareki } from '../../../lib/dates';
import { groupedHeader, TOTAL_COLUMN, withTotals, type Row, type Table } from '../../../lib/table/table';
import type { FyParams } from '../../../contracts/report';
import { casesInYear, FOLLOW_RATE_LABEL, FOLLOW_RATE_NOTE, followRate, followRateText } from './meetings-follow-rate';
import type { Choice } from '../../../contracts';
import { codeChoices } from '../../masters';

export const RECOMMENDATIONS_TITLE = '受任調整会議の推薦と選任';
export const UNDECIDED = '未定・未審判';
export const RECOMMENDATIONS_NOTES = [
  '行は受任調整会議で推薦した後見人等の種別、列は家庭裁判所が選任した種別です。会議の開催日の年度で数えています。',
  `「${UNDECIDED}」は選任された種別がまだ記録されていない件です。`,
  FOLLOW_RATE_NOTE,
];

interface PairCount { rec: number; app: number | null; n: number }

function countPairs(db: Knex, fy: number): Promise<PairCount[]> {
  return casesInYear(db, fy)
    .select('c.recommended_type_id as rec', 'c.appointed_type_id as app', db.raw('count(*)::int AS n'))
    .groupBy('c.recommended_type_id', 'c.appointed_type_id') as unknown as Promise<PairCount[]>;
}

export async function meetingsRecommendationsTable(db: Knex, id: string, params: FyParams): Promise<Table> {
  const [kinds, pairs, rate] = await Promise.all([
    codeChoices(db, 'guardian_kind'),
    countPairs(db, params.fy),
    followRate(db, params.fy),
  ]);
  const count = new Map(pairs.map((p) => [`${p.rec}:${p.app}`, p.n]));
  const used = (k: Choice, side: 'rec' | 'app') => pairs.some((p) => p[side] === k.id);
  const rows = kinds.filter((k) => !k.retired || used(k, 'rec'));
  const cols = kinds.filter((k) => !k.retired || used(k, 'app'));
  const body: Row[] = rows.map((r) => ({
    label: r.label,
    cells: [...cols.map((c) => count.get(`${r.id}:${c.id}`) ?? 0), count.get(`${r.id}:null`) ?? 0],
  }));
  const { headerRows, columns } = groupedHeader([...cols.map((c) => ({ key: `k${c.id}`, label: c.label })), { key: 'undecided', label: UNDECIDED }], [TOTAL_COLUMN]);
  const totals = withTotals(body, { rowTotal: true, colTotalLabel: '計' }).map((r) => ({ ...r, cells: r.cells.map((v) => v ?? 0) }));
  const rateRow: Row = { label: FOLLOW_RATE_LABEL, cells: [followRateText(rate), ...new Array<null>(columns.length - 1).fill(null)] };
  const { from, to } = fiscalYearRange(params.fy);
  return {
    id,
    title: `${fiscalYearName(params.fy)} ${RECOMMENDATIONS_TITLE}`,
    subtitle: `対象期間：${toWareki(from)}〜${toWareki(to)}（行：推薦した種別、列：選任された種別）`,
    rowHeader: '推薦した種別',
    headerRows,
    columns,
    rows: [...totals, rateRow],
    notes: RECOMMENDATIONS_NOTES,
  };
}
