import { Request, Response } from 'express';
import { audit } from '../../../audit/audit-writer';
import { SecureRouter } from '../../../http/routes';
import { fiscalYearOf } from '../../../lib/dates';
import { can, wardScope } from '../../../policy';
import { STAGES } from '../stages/petition-stages';
import { CLOSED_FILTERS, DEFAULT_FILTERS, filingYears, LIST_LIMIT, listPetitions, parseListFilters, stallDays } from './petitions-list';
import { today } from '../../../http/today';

/** What the list partial needs: rows (with the next step of each), the threshold, the limit note. */
async function listLocals(req: Request, filters = parseListFilters(req)) {
  const { db } = req.deps;
  const threshold = await stallDays(db);
  const page = await listPetitions(db, req.user!, filters, today(req), threshold);
  // The list names persons: audited like any view of their data (ids only, so no ids here).
  await audit(req, 'petition.list', 'petition', null);
  return { filters, threshold, rows: page.rows, more: page.more, limit: LIST_LIMIT, stages: STAGES };
}

/** A ward user's home: their ward's open petitions, stalled first, and the few menu entries they have. */
export async function renderWardHome(req: Request, res: Response, menu: unknown[]) {
  res.render('petitions/home', { ...(await listLocals(req, DEFAULT_FILTERS)), menu });
}

/** A ward user's home shows their petitions instead of the menu. */
export const isWardHome = (req: Request) => wardScope(req.user!) !== null && can(req.user, 'petitions:read');

export function listRoutes(r: SecureRouter): void {
  r.get('/petitions', 'petitions:read', async (req, res) => {
    const { db } = req.deps;
    const fixedWard = wardScope(req.user!) !== null;
    res.render('petitions/index', {
      ...(await listLocals(req)),
      fixedWard,
      wards: fixedWard ? [] : await db('wards').orderBy(['sort_order', 'id']).select('id', 'name'),
      years: await filingYears(db, req.user!, fiscalYearOf(today(req))),
      closedFilters: CLOSED_FILTERS,
      canWrite: can(req.user, 'petitions:write'),
    });
  });
}
