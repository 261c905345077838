/**
 * A feature's door (src/features/<name>/index.ts) exports one Feature: its routes and what it
 * adds to the registries. The composition root (src/features/index.ts) collects the doors into
 * FEATURES (the mount order) and the Registry, which app.ts and the CLI read.
 */
import type { SecureRouter } from '../http/routes';
import type { DashboardMeasure } from './dashboard';
import type { AnyImportSpec } from './import-kind';
import type { ReminderSource } from './reminder';
import type { ReportDef } from './report';
import type { TimelineSource } from './timeline';

/** Everything the features add up to, as the composition root collected it. */
export interface Registry {
  reports: readonly ReportDef[];
  importKinds: readonly AnyImportSpec[];
  timeline: readonly TimelineSource[];
  reminders: readonly ReminderSource[];
  measures: readonly DashboardMeasure[];
}

/** Mounts routes on the app's router; a feature that lists registry entries gets them here, never by import. */
export type MountRoutes = (r: SecureRouter, registry: Registry) => void;

export interface Feature {
  /** The folder name: 'petitions'. */
  name: string;
  /** Route mounts, in the order they must be registered (a fixed path before a parameter that would take it). */
  routes?: readonly MountRoutes[];
  reports?: readonly ReportDef[];
  importKinds?: readonly AnyImportSpec[];
  timeline?: readonly TimelineSource[];
  reminders?: readonly ReminderSource[];
  measures?: readonly DashboardMeasure[];
}
