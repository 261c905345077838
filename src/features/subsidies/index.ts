/** The subsidies feature's door: guardians' fee subsidies (報酬助成). */
import type { Feature } from '../../contracts';
import { subsidiesRoutes } from './subsidies-routes';

export const subsidies: Feature = { name: 'subsidies', routes: [subsidiesRoutes] };
