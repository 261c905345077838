/**
 * The matching-meeting tallies: meetings and cases per month, and recommended × appointed type with
 * the court-follow rate. Read with 'meetings:read' (center staff and managers; never a ward office),
 * so they count every ward and ignore the scope.
 */
import { fyAndFilters } from '../../reports';
import type { FyParams, ReportDef } from '../../../contracts/report';
import { countRows, type DashboardMeasure } from '../../../contracts/dashboard';
import { MONTHLY_TITLE, meetingsMonthlyTable } from './meetings-monthly-table';
import { RECOMMENDATIONS_TITLE, meetingsRecommendationsTable } from './meetings-recommendations-table';

const common = { access: 'meetings:read' as const, period: 'fy' as const, filters: [], parse: fyAndFilters([]) };

export const meetingsMonthly: ReportDef<FyParams> = {
  id: 'meetings-monthly',
  title: `${MONTHLY_TITLE}（月別）`,
  description: '受任調整会議の月別の開催回数と検討件数（4月〜3月）。開催しなかった月は「未実施」と表示します。',
  fileTitle: '受任調整会議_月別',
  ...common,
  build: (db, params) => meetingsMonthlyTable(db, 'meetings-monthly', params),
};

export const meetingsRecommendations: ReportDef<FyParams> = {
  id: 'meetings-recommendations',
  title: RECOMMENDATIONS_TITLE,
  description: '推薦した後見人等の種別×家庭裁判所が選任した種別の件数と、推薦どおりに選任された割合（追随率）。',
  fileTitle: '受任調整会議_推薦と選任',
  ...common,
  build: (db, params) => meetingsRecommendationsTable(db, 'meetings-recommendations', params),
};

/** The dashboard's measure: appointment-matching meetings held, by meeting date. */
export const meetingsHeldMeasure: DashboardMeasure = {
  key: 'meetings_held', label: '受任調整会議（開催回数）', unit: '回', href: '/reports/meetings-monthly',
  count: (db, from, to) => countRows(db('meetings').whereNull('deleted_at').whereBetween('held_on', [from, to])),
};
