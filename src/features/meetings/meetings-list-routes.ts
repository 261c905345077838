/** GET /meetings: a fiscal year's meetings (newest first) with the year's counts and the court-follow rate. */
import { Request } from 'express';
import { fiscalYearParam } from '../../http/params';
import { SecureRouter } from '../../http/routes';
import { fiscalYearOf } from '../../lib/dates';
import { can } from '../../policy';

import { FOLLOW_RATE_NOTE, followRate, followRateText } from './reports/meetings-follow-rate';
import { listMeetings, meetingYears } from './meetings-queries';
import { today } from '../../http/today';

function chosenYear(req: Request, current: number): number {
  return fiscalYearParam(req, 'fy', 2000, 2100) ?? current;
}

export function meetingListRoutes(r: SecureRouter): void {
  r.get('/meetings', 'meetings:read', async (req, res) => {
    const { db } = req.deps;
    const current = fiscalYearOf(today(req));
    const fy = chosenYear(req, current);
    const [rows, years, rate] = await Promise.all([listMeetings(db, fy), meetingYears(db, current), followRate(db, fy)]);
    res.render('meetings/index', {
      fy, years: years.includes(fy) ? years : [...years, fy].sort((a, b) => b - a), rows,
      caseCount: rows.reduce((n, m) => n + m.cases, 0), rate: followRateText(rate), rateNote: FOLLOW_RATE_NOTE,
      canWrite: can(req.user, 'meetings:write'), canImport: can(req.user, 'import:run'),
    });
  });
}
