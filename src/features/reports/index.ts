/** The reports feature's door: the tallies (one Table, four renderers) and the past-year figures they take. */
import type { Feature } from '../../contracts';
import { pastFiguresRoutes } from './past-figures/past-figures-routes';
import { reportsRoutes } from './reports-routes';
import { consultationsByCondition, consultationsByConsultee, consultationsByMethod, consultationsByWard, consultationsMonthly, consultationsMeasure } from './consultations-reports';
import { consultationsYearly } from './consultations-yearly';

export const reports: Feature = { name: 'reports', routes: [reportsRoutes, pastFiguresRoutes], reports: [
    consultationsMonthly, consultationsByWard, consultationsByMethod, consultationsByConsultee, consultationsByCondition, consultationsYearly,
  ], measures: [consultationsMeasure] };
