import { audit } from '../../audit/audit-writer';
import { queryString } from '../../http/params';
import { SecureRouter } from '../../http/routes';
import { can } from '../../policy';
import { GUARDIAN_STATUSES, isGuardianStatus } from './guardian-status';
import { LIST_LIMIT, listGuardians } from './guardians-queries';

/** GET /guardians: the roster in kana order, filtered by derived status and kana; audited (it names people). */
export function listRoutes(r: SecureRouter): void {
  r.get('/guardians', 'guardians:read', async (req, res) => {
    const status = queryString(req, 'status');
    const filters = { status: isGuardianStatus(status) ? status : null, kana: queryString(req, 'kana').slice(0, 50) };
    const page = await listGuardians(req.deps.db, filters);
    await audit(req, 'guardian.list', 'citizen_guardian', null);
    res.render('guardians/index', {
      filters, rows: page.rows, more: page.more, limit: LIST_LIMIT, statuses: GUARDIAN_STATUSES, canWrite: can(req.user, 'guardians:write'),
    });
  });
}
