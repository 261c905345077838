/** The account feature's door: a user's own password. */
import type { Feature } from '../../contracts';
import { accountRoutes } from './account-routes';

export const account: Feature = {
  name: 'account',
  routes: [accountRoutes],
};
