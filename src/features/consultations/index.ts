/** The consultations feature's door: the consultation records. */
import type { Feature } from '../../contracts';
import { consultationsRoutes } from './consultations-routes';

export const consultations: Feature = { name: 'consultations', routes: [consultationsRoutes] };
