/**
 * The composition root: every feature's door in mount order, and the registries collected from them.
 * app.ts mounts FEATURES with REGISTRY; the CLI reads REPORTS and IMPORT_KINDS. A feature never
 * imports this file: what it needs from the registries reaches it as a parameter of its routes.
 *
 * To add a feature: write src/features/<name>/index.ts exporting a Feature and add it to FEATURES.
 * Its reports, import kinds, timeline sources, reminders and dashboard measures are collected
 * from its Feature; the lists below name only whose entries come first, in the order pages show them.
 */
import type { AnyImportSpec, Feature, Registry, ReportDef } from '../contracts';
import { account } from './account';
import { admin } from './admin';
import { annual } from './annual';
import { consultations } from './consultations';
import { dashboard } from './dashboard';
import { guardians } from './guardians';
import { home } from './home';
import { imports } from './imports';
import { indicators } from './indicators';
import { masters } from './masters';
import { meetings } from './meetings';
import { persons } from './persons';
import { petitions } from './petitions';
import { reminders } from './reminders';
import { reports } from './reports';
import { subsidies } from './subsidies';
import { twoFactor } from './two-factor';

/**
 * Mount order matters where one feature's fixed path would otherwise be taken by another's
 * parameter: indicators before admin (/admin/masters/indicator-targets, not /admin/masters/:kind),
 * annual before reports (/reports/annual.pdf, not /reports/:file).
 */
export const FEATURES: readonly Feature[] = [
  twoFactor, home, account, indicators, admin, consultations, persons, annual, reports, imports,
  petitions, meetings, subsidies, guardians, dashboard, reminders, masters,
];

/**
 * One registry's entries: those of the features in `first`, in that order (the order pages show
 * them), then those of any other feature, in the order of FEATURES.
 */
function collect<K extends keyof Registry>(key: K, first: readonly Feature[]): Registry[K] {
  const order = [...first, ...FEATURES.filter((f) => !first.includes(f))];
  return order.flatMap((f) => (f[key] ?? []) as readonly unknown[]) as unknown as Registry[K];
}

export const REGISTRY: Registry = {
  reports: collect('reports', [reports, petitions, meetings, subsidies, guardians, indicators]),
  importKinds: collect('importKinds', [consultations, petitions, subsidies, meetings, guardians]),
  timeline: collect('timeline', [consultations, petitions, subsidies, meetings, guardians]),
  reminders: collect('reminders', [consultations, petitions, subsidies, guardians]),
  measures: collect('measures', [reports, petitions, subsidies, meetings]),
};

export const REPORTS = REGISTRY.reports;
export const findReport = (id: string): ReportDef | undefined => REPORTS.find((r) => r.id === id);
export const IMPORT_KINDS = REGISTRY.importKinds;
export const importKind = (kind: string): AnyImportSpec | undefined => IMPORT_KINDS.find((k) => k.kind === kind);
export const TIMELINE_SOURCES = REGISTRY.timeline;
export const REMINDER_SOURCES = REGISTRY.reminders;
export const DASHBOARD_MEASURES = REGISTRY.measures;
