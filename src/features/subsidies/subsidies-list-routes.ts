import { audit } from '../../audit/audit-writer';
import { queryString } from '../../http/params';
import { SecureRouter } from '../../http/routes';
import { fiscalYearOf } from '../../lib/dates';
import { can } from '../../policy';
import { decisionYears, filterQuery, listSubsidies, parseFilters } from './subsidies-list';

import { FUNDING_LINES, STATUS_FILTERS, statusLabel } from './subsidies-values';
import { today } from '../../http/today';

/** GET /subsidies: the applications under the filters, newest first, 50 a page. */
export function listRoutes(r: SecureRouter): void {
  r.get('/subsidies', 'subsidies:read', async (req, res) => {
    const { db } = req.deps;
    const filters = parseFilters(req);
    const rawAfter = queryString(req, 'after');
    const after = /^[1-9]\d{0,8}$/.test(rawAfter) ? Number(rawAfter) : null;
    const page = await listSubsidies(db, filters, after);
    // The list names persons: audited like any view of their data.
    await audit(req, 'subsidy.list', 'subsidy', null);
    res.render('subsidies/index', {
      filters, rows: page.rows, paged: after !== null, statusLabel,
      nextHref: page.next ? `/subsidies?${filterQuery(filters, page.next)}` : null,
      firstHref: `/subsidies?${filterQuery(filters)}`,
      wards: await db('wards').orderBy(['sort_order', 'id']).select('id', 'name'),
      years: await decisionYears(db, fiscalYearOf(today(req))),
      statuses: STATUS_FILTERS, fundingLines: FUNDING_LINES, canWrite: can(req.user, 'subsidies:write'),
    });
  });
}
