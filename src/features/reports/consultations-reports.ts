/** The monthly consultation table and its breakdowns by ward, method, consultee and condition. */
import { consultationTable, CONSULTATIONS_TITLE } from './consultation-table';
import { CONSULTATION_FILTERS, Dimension, DIMENSIONS } from './consultation-dimensions';
import { fyAndFilters } from './report-params';
import type { FyParams, ReportDef } from '../../contracts/report';
import { countRows, type DashboardMeasure } from '../../contracts/dashboard';

const parse = fyAndFilters(CONSULTATION_FILTERS);

/**
 * Consultations are the center's own records: only roles with 'consultations:read' (never a
 * ward office) may read these tables, so they count every ward and ignore the scope.
 */
const common = { access: 'consultations:read', period: 'fy', filters: CONSULTATION_FILTERS, parse } as const;

export const consultationsMonthly: ReportDef<FyParams> = {
  id: 'consultations-monthly',
  title: `${CONSULTATIONS_TITLE}（月別）`,
  description: '相談種別ごとの月別件数（4月〜3月）と合計。区・相談方法・相談者・疾病・障害で絞り込めます。',
  fileTitle: '相談件数_月別',
  ...common,
  build: (db, params) => consultationTable(db, 'consultations-monthly', params, 'month'),
};

function breakdown(d: Dimension): ReportDef<FyParams> {
  const id = `consultations-by-${d.name}`;
  return {
    id,
    title: `${CONSULTATIONS_TITLE}（${d.titleSuffix}）`,
    description: `${d.label}ごとの年度の相談件数を相談種別別に集計します。`,
    fileTitle: `相談件数_${d.titleSuffix}`,
    ...common,
    build: (db, params) => consultationTable(db, id, params, d),
  };
}

export const consultationsByWard = breakdown(DIMENSIONS.ward);
export const consultationsByMethod = breakdown(DIMENSIONS.method);
export const consultationsByConsultee = breakdown(DIMENSIONS.consultee);
export const consultationsByCondition = breakdown(DIMENSIONS.condition);

/** The dashboard's 相談件数: live consultations by consultation date. */
export const consultationsMeasure: DashboardMeasure = {
  key: 'consultations', label: '相談件数', unit: '件', href: '/reports/consultations-monthly',
  count: (db, from, to) => countRows(db('consultations').whereNull('deleted_at').whereBetween('consulted_on', [from, to])),
};
