/** The consultations feature's door: the consultation records. */
import type { Feature } from '../../contracts';
import { consultationsRoutes } from './consultations-routes';
import { consultationTimeline } from './consultations-timeline';

export const consultations: Feature = { name: 'consultations', routes: [consultationsRoutes], timeline: [consultationTimeline] };
