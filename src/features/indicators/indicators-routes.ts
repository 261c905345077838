/** /indicators: each plan indicator against its baseline, target and straight-line path; indicator 1's entered counts. */
import { SecureRouter } from '../../http/routes';
import { can } from '../../policy';
import { currentFiscalYear, REPORT_FORMATS, reportQuery } from '../reports';
import { guardianshipTypes, listCourtUserYears } from './court-users-queries';
import { courtUsersRoutes } from './court-users-routes';
import { indicatorCharts } from './indicators-charts';
import { indicatorsTable } from './indicators-table';
import { indicatorStatuses } from './indicator-status';

export function indicatorsRoutes(r: SecureRouter): void {
  r.get('/indicators', 'indicators:read', async (req, res) => {
    const { db } = req.deps;
    const fy = currentFiscalYear(req.deps.clock.now());
    const [table, statuses, years] = await Promise.all([indicatorsTable(db, fy), indicatorStatuses(db, fy), listCourtUserYears(db)]);
    const types = await guardianshipTypes(db, new Set(years.flatMap((y) => [...y.counts.keys()])));
    res.render('indicators/index', {
      table, charts: indicatorCharts(table), statuses, years, types, fy,
      query: reportQuery({ fy, filters: {} }), formats: REPORT_FORMATS, canWrite: can(req.user, 'indicators:write'),
    });
  });
  courtUsersRoutes(r);
}
