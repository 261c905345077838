/**
 * The manager's home (GET / for roles with dashboard:read): this month and this fiscal year so far
 * against last year, stalled petitions and the plan indicators, with the menu below.
 */
import { Request, Response } from 'express';
import { audit } from '../../audit/audit-writer';
import { can } from '../../policy';
import { currentFiscalYear } from '../reports';
import { indicatorStatuses } from '../indicators';
import { DEFAULT_FILTERS, listPetitions, stallDays, STAGES } from '../petitions';
import type { DashboardMeasure } from '../../contracts';
import { dashboardCharts, dashboardTable } from './dashboard-table';
import { today } from '../../http/today';

/** How many stalled petitions the dashboard lists (the rest are one click away). */
export const STALLED_SHOWN = 10;

export const isDashboardHome = (req: Request) => can(req.user, 'dashboard:read');

/** The dashboard of `measures` (the Registry's), stalled petitions and the indicators. */
export async function renderDashboard(req: Request, res: Response, menu: unknown[], measures: readonly DashboardMeasure[]): Promise<void> {
  const { db, clock } = req.deps;
  const day = today(req);
  const threshold = await stallDays(db);
  const [table, stalled, statuses] = await Promise.all([
    dashboardTable(db, day, measures),
    listPetitions(db, req.user!, { ...DEFAULT_FILTERS, stalled: true }, day, threshold),
    indicatorStatuses(db, currentFiscalYear(clock.now())),
  ]);
  // A stalled list names persons: audited like the petitions list (an empty one shows no one).
  if (stalled.rows.length > 0) await audit(req, 'petition.list', 'petition', null);
  res.render('dashboard/index', {
    menu, table, charts: dashboardCharts(table, day, measures), statuses, threshold, stages: STAGES,
    stalled: stalled.rows.slice(0, STALLED_SHOWN), stalledCount: stalled.rows.length, stalledMore: stalled.more,
  });
}
