/**
 * 受任調整会議の開催状況（月別）: rows 4月 … 3月 then 計; 開催回数 (meetings held) and 検討件数
 * (cases discussed). A month without a meeting shows 0 and 未実施; 計 adds up the held months only.
 */
import type { Knex } from 'knex';
import { fiscalMonths, fiscalYearName, fiscalYearRange, toWareki } from '../../../lib/dates';
import { groupedHeader, withTotals, type Table } from '../../../lib/table/table';
import type { FyParams } from '../../../contracts/report';

export const MONTHLY_TITLE = '受任調整会議の開催状況';
export const NOT_HELD = '未実施';
export const MONTHLY_NOTES = [
  '開催回数は会議の開催日の月で、検討件数はその月に開催された会議で検討した件数で数えています。削除した会議・検討案件は含みません。',
  `会議を開催しなかった月は、検討件数を「${NOT_HELD}」としています。計は開催した月の合計です。`,
];

interface MonthCount { month: number; meetings: number; cases: number }

/** One GROUP BY over the fiscal year's live meetings, with their live cases. */
function countByMonth(db: Knex, fy: number): Promise<MonthCount[]> {
  const { from, to } = fiscalYearRange(fy);
  return db('meetings as m')
    .leftJoin('meeting_cases as c', (j) => j.on('c.meeting_id', 'm.id').andOnNull('c.deleted_at'))
    .whereNull('m.deleted_at').whereBetween('m.held_on', [from, to])
    .select(db.raw('EXTRACT(MONTH FROM m.held_on)::int AS month'), db.raw('count(DISTINCT m.id)::int AS meetings'), db.raw('count(c.id)::int AS cases'))
    .groupByRaw('1') as unknown as Promise<MonthCount[]>;
}

export async function meetingsMonthlyTable(db: Knex, id: string, params: FyParams): Promise<Table> {
  const counts = new Map((await countByMonth(db, params.fy)).map((c) => [c.month, c]));
  const body = fiscalMonths(params.fy).map(({ month, label }) => {
    const c = counts.get(month);
    return { label, cells: c ? [c.meetings, c.cases] : [0, NOT_HELD] };
  });
  const { headerRows, columns } = groupedHeader([{ key: 'meetings', label: '開催回数' }, { key: 'cases', label: '検討件数' }]);
  const { from, to } = fiscalYearRange(params.fy);
  return {
    id,
    title: `${fiscalYearName(params.fy)} ${MONTHLY_TITLE}（月別）`,
    subtitle: `対象期間：${toWareki(from)}〜${toWareki(to)}`,
    rowHeader: '月',
    headerRows,
    columns,
    rows: withTotals(body, { rowTotal: false, colTotalLabel: '計' }).map((r) => ({ ...r, cells: r.cells.map((v) => v ?? 0) })),
    notes: MONTHLY_NOTES,
  };
}

