/** The admin feature's door: users, 上限額, settings, master data editing and the audit log viewer. */
import type { Feature } from '../../contracts';
import { auditRoutes } from './audit-routes';
import { capsRoutes } from './caps-routes';
import { mastersRoutes } from './masters-routes';
import { settingsRoutes } from './settings-routes';
import { usersRoutes } from './users-routes';

export const admin: Feature = {
  name: 'admin',
  routes: [usersRoutes, capsRoutes, settingsRoutes, mastersRoutes, auditRoutes],
};
