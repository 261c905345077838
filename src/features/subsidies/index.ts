/** The subsidies feature's door: guardians' fee subsidies (報酬助成). */
import type { Feature } from '../../contracts';
import { subsidiesRoutes } from './subsidies-routes';
import { subsidyTimeline } from './subsidies-timeline';
import { subsidiesYearly, subsidiesGrantedMeasure } from './subsidies-reports';
import { subsidiesImport } from './subsidies-import';
import { waitingSubsidyReminders } from './subsidies-reminders';

export const subsidies: Feature = { name: 'subsidies', routes: [subsidiesRoutes], timeline: [subsidyTimeline], reports: [subsidiesYearly], importKinds: [subsidiesImport], reminders: [waitingSubsidyReminders], measures: [subsidiesGrantedMeasure] };
