/** The consultations feature's door: the consultation records. */
import type { Feature } from '../../contracts';
import { consultationsRoutes } from './consultations-routes';
import { consultationTimeline } from './consultations-timeline';
import { consultationsImport } from './consultations-import';
import { followUpReminders } from './consultations-reminders';

export const consultations: Feature = { name: 'consultations', routes: [consultationsRoutes], timeline: [consultationTimeline], importKinds: [consultationsImport], reminders: [followUpReminders] };
