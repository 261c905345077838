/** The subsidies feature's door: guardians' fee subsidies (報酬助成). */
import type { Feature } from '../../contracts';
import { subsidiesImport } from './import/subsidies-import';
import { waitingSubsidyReminders } from './subsidies-reminders';
import { subsidiesGrantedMeasure, subsidiesYearly } from './subsidies-reports';
import { subsidiesRoutes } from './subsidies-routes';
import { subsidyTimeline } from './subsidies-queries';

export const subsidies: Feature = {
  name: 'subsidies',
  routes: [subsidiesRoutes],
  reports: [subsidiesYearly],
  importKinds: [subsidiesImport],
  timeline: [subsidyTimeline],
  reminders: [waitingSubsidyReminders],
  measures: [subsidiesGrantedMeasure],
};
