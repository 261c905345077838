/** The annual feature's door: the 年報 (every yearly table in one document). */
import type { Feature } from '../../contracts';
import { annualRoutes } from './annual-routes';

export const annual: Feature = { name: 'annual', routes: [annualRoutes] };
