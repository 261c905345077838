/** The consultations feature's door: the consultation records, their import kind, timeline and follow-up reminders. */
import type { Feature } from '../../contracts';
import { consultationsImport } from './consultations-import';
import { followUpReminders } from './consultations-reminders';
import { consultationsRoutes } from './consultations-routes';
import { consultationTimeline } from './consultations-queries';

export const consultations: Feature = {
  name: 'consultations',
  routes: [consultationsRoutes],
  importKinds: [consultationsImport],
  timeline: [consultationTimeline],
  reminders: [followUpReminders],
};
