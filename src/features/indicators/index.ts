/** The indicators feature's door: the plan's indicators, their targets and the court's figures. */
import type { Feature } from '../../contracts';
import { indicatorsReport } from './indicators-report';
import { indicatorsRoutes } from './indicators-routes';
import { indicatorTargetsRoutes } from './targets-routes';

export { indicatorStatuses } from './indicator-status';

export const indicators: Feature = {
  name: 'indicators',
  routes: [indicatorTargetsRoutes, indicatorsRoutes],
  reports: [indicatorsReport],
};
