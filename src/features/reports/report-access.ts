/**
 * Per-report access and scope. The routes declare 'reports:read'; each report also names the
 * permission its data needs (consultations:read, petitions:read …), checked here, and a ward
 * user's tables are built for their ward only (ReportScope, applied in SQL by the report).
 */
import { Request, Response } from 'express';
import { audit } from '../../audit/audit-writer';
import { can, Principal, wardScope } from '../../policy';
import type { ReportDef, ReportScope } from '../../contracts/report';

export function canReadReport(user: Principal | undefined, def: ReportDef): boolean {
  return can(user, def.access);
}

export function reportScope(user: Principal): ReportScope {
  return { wardId: wardScope(user) };
}

/** The same answer (403, audited as access.denied on the route) as a route the user may not open. */
export async function denyReport(req: Request, res: Response): Promise<void> {
  await audit(req, 'access.denied', 'route', `${req.method} ${req.baseUrl}${req.route?.path ?? req.path}`);
  res.status(403).render('errors/403');
}
