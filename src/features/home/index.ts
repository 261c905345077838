/** The home feature's door: GET / (the menu, a ward's petitions or the manager's dashboard, and reminders). */
import type { Feature } from '../../contracts';
import { homeRoutes } from './home-routes';

export const home: Feature = {
  name: 'home',
  routes: [homeRoutes],
};
