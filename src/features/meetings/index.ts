/** The meetings feature's door: appointment-matching meetings (受任調整会議) and their cases. */
import type { Feature } from '../../contracts';
import { meetingsRoutes } from './meetings-routes';
import { meetingTimeline } from './meetings-timeline';
import { meetingsMonthly, meetingsRecommendations, meetingsHeldMeasure } from './meetings-reports';
import { meetingsImport } from './meetings-import';

export const meetings: Feature = { name: 'meetings', routes: [meetingsRoutes], timeline: [meetingTimeline], reports: [meetingsMonthly, meetingsRecommendations], importKinds: [meetingsImport], measures: [meetingsHeldMeasure] };
