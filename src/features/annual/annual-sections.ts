/**
 * What the annual report (年報) holds, in order: report ids from the registry with their
 * parameters for the year and, for the main tables, a bar chart. To add a table, add one line
 * here. An id that is not registered (yet) is skipped, so the later features' tables below
 * appear as soon as their reports are registered in src/features/reports/registry.ts.
 */
import type { TableChartSpec } from '../../lib/table/table-chart';
import type { ReportInput } from '../reports/report-types';

export interface AnnualSection {
  /** A report id in the registry. */
  id: string;
  /**
   * The report's input for fiscal year `fy`. Default: { fy } for a one-year report; for a trend
   * report ('years') the five years up to fy ({ from: fy - 4, to: fy }).
   */
  params?: (fy: number) => ReportInput;
  /** A bar chart below the table, from the table's own cells. */
  chart?: TableChartSpec;
}

/** Years a trend table spans in the annual report. */
export const TREND_YEARS = 5;

export const ANNUAL_SECTIONS: readonly AnnualSection[] = [
  { id: 'consultations-monthly', chart: { by: 'rows', caption: '月別の相談件数（合計）' } },
  { id: 'consultations-by-ward', chart: { by: 'rows', caption: '区別の相談件数（合計）' } },
  { id: 'consultations-by-method' },
  { id: 'consultations-by-consultee' },
  { id: 'consultations-by-condition' },
  { id: 'petitions-yearly', chart: { by: 'columns', caption: '年度別の市長申立て件数（計）' } },
  { id: 'petitions-by-type' },
  { id: 'petitions-by-basis' },
  // Later features (skipped until registered); give each its chart once its table's shape is known.
  { id: 'subsidies-yearly' },
  { id: 'meetings-monthly' },
  { id: 'training-yearly' },
  { id: 'indicators' },
];
