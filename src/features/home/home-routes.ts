import { SecureRouter, RouteSpec } from '../../http/routes';
import type { Registry } from '../../contracts';
import { isWardHome, renderWardHome } from '../petitions';
import { reminderLocals } from '../reminders';
import { isDashboardHome, renderDashboard } from '../dashboard';
import { menuFor } from './home-menu';

export { MENU, routeAccess } from './home-menu';
export type { MenuItem } from './home-menu';

export function homeRoutes(r: SecureRouter, registry: Registry): void {
  r.get('/', 'signedIn', reminderLocals(registry.reminders), async (req, res) => {
    // The registry of every declared route (src/app.ts): a card shows only where its route lets this user in.
    const menu = menuFor(req.user!, req.app.locals.routes as RouteSpec[], registry.reports);
    // Ward offices work their petitions: their home is their ward's list, stalled first.
    if (isWardHome(req)) return renderWardHome(req, res, menu);
    if (isDashboardHome(req)) return renderDashboard(req, res, menu, registry.measures);
    res.render('home/index', { menu });
  });
}
