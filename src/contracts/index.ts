/**
 * The types features share without importing each other: a feature that provides a timeline
 * source, a report, an import kind, a reminder or a dashboard measure writes it against these, and
 * the composition root (src/features/index.ts) collects them. Only types and a few constants here.
 */
export type { Choice, SelectOption } from './choice';
export { countRows, type DashboardMeasure } from './dashboard';
export type { Feature, MountRoutes, Registry } from './feature';
export type {
  AnyImportSpec, Cells, ImportActor, ImportColumn, ImportedPerson, ImportSpec, RowError, RowResult, SourceRow, ValidRecord,
} from './import-kind';
export { batchOf, TOTAL_SQL, type ReminderBatch, type ReminderItem, type ReminderSource } from './reminder';
export {
  ALL_WARDS, isYearsParams, ReportParamError, ROW_KEY,
  type FilterOption, type FyParams, type ParamsResult, type PastFigureRow, type PastFiguresSpec, type ReportDef, type ReportFilter,
  type ReportInput, type ReportParams, type ReportPeriod, type ReportScope, type YearsParams,
} from './report';
export type { TimelineEntry, TimelineSource } from './timeline';
