/**
 * What the annual report (年報) holds, in order: report ids from the registry with their
 * parameters for the year and, for the main tables, a bar chart. To add a table, add one line
 * here. An id that is not registered is skipped.
 */
import type { TableChartSpec } from '../../lib/chart';
import type { ReportInput } from '../../contracts/report';

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
  { id: 'subsidies-yearly', chart: { by: 'columns', row: '件数', caption: '年度別の報酬助成件数（承認）' } },
  { id: 'meetings-monthly', chart: { by: 'rows', column: 'cases', caption: '月別の受任調整会議の検討件数（未実施の月は0）' } },
  { id: 'meetings-recommendations' },
  { id: 'training-yearly', chart: { by: 'columns', row: '養成講座修了者数', caption: '年度別の市民後見人養成講座修了者数' } },
  // skipped until registered
  { id: 'indicators' },
];
