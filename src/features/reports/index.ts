/**
 * The reports feature's door: the tallies (one Table, four renderers) with the consultation tables,
 * the past-year figures they take, and the toolkit other features write their reports with.
 */
import type { Feature } from '../../contracts';
import {
  consultationsByCondition, consultationsByConsultee, consultationsByMethod, consultationsByWard, consultationsMeasure, consultationsMonthly,
} from './consultations-reports';
import { consultationsYearly } from './consultations-yearly';
import { pastFiguresRoutes } from './past-figures/past-figures-routes';
import { reportsRoutes } from './reports-routes';

export { UNSET_LABEL } from './consultation-table';
export { loadPastYears, markEntered, pastNotes, yearCells, yearColumns } from './past-figures/past-years';
export { canReadReport, reportScope } from './report-access';
export {
  isReportFormat, periodName, renderReport, REPORT_EXPORT_ACTION, REPORT_FORMATS, reportAuditId, reportFileName, reportQuery,
} from './report-export';
export { fyField } from './report-page';
export { currentFiscalYear, FY_MIN, fyAndFilters, yearsAndFilters } from './report-params';

export const reports: Feature = {
  name: 'reports',
  routes: [reportsRoutes, pastFiguresRoutes],
  reports: [
    consultationsMonthly, consultationsByWard, consultationsByMethod, consultationsByConsultee, consultationsByCondition, consultationsYearly,
  ],
  measures: [consultationsMeasure],
};
