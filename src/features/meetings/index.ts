/** The meetings feature's door: appointment-matching meetings (受任調整会議) and their cases. */
import type { Feature } from '../../contracts';
import { meetingsImport } from './import/meetings-import';
import { meetingsHeldMeasure, meetingsMonthly, meetingsRecommendations } from './reports/meetings-reports';
import { meetingsRoutes } from './meetings-routes';
import { meetingTimeline } from './meetings-timeline';

export const meetings: Feature = {
  name: 'meetings',
  routes: [meetingsRoutes],
  reports: [meetingsMonthly, meetingsRecommendations],
  importKinds: [meetingsImport],
  timeline: [meetingTimeline],
  measures: [meetingsHeldMeasure],
};
