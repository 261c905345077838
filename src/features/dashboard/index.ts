/** The dashboard feature's door: the manager's home (the comparison with last year, stalled petitions, indicators). */
import type { Feature } from '../../contracts';

export { isDashboardHome, renderDashboard } from './dashboard-home';

export const dashboard: Feature = { name: 'dashboard' };
