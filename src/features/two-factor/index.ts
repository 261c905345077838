/** The two-factor feature's door: a user's own second factor, and the reset an administrator may do. */
import type { Feature } from '../../contracts';
import { twoFactorRoutes } from './two-factor-routes';

export { resetTwoFactor } from './two-factor-service';

export const twoFactor: Feature = {
  name: 'two-factor',
  routes: [twoFactorRoutes],
};
