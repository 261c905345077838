import { SecureRouter } from '../../http/routes';
import { loadGuardian, renderGuardian } from './guardians-page';

/** GET /guardians/:guardianId: details, status, history, the step forms and the cases. */
export function showRoutes(r: SecureRouter): void {
  r.get('/guardians/:guardianId', 'guardians:read', async (req, res) => renderGuardian(req, res, await loadGuardian(req)));
}
