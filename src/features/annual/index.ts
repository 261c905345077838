/** The annual feature's door: the 年報 (every yearly table in one document), for the web and the CLI. */
import type { Feature } from '../../contracts';
import { annualRoutes } from './annual-routes';

export { ANNUAL_ID, annualPlan } from './annual-build';
export { ANNUAL_FORMATS, annualAuditId, annualFileName, isAnnualFormat, renderAnnual } from './annual-export';

export const annual: Feature = {
  name: 'annual',
  routes: [annualRoutes],
};
