/**
 * 受任調整会議 (domain.md §5): meetings, their cases, the PDFs and the ledger import. The import's
 * upload routes come first, and the ids only match digits, so '/meetings/import' and
 * '/meetings/new' are never taken for a meeting id.
 */
import { Request } from 'express';
import { fiscalYearParam } from '../../http/params';
import { SecureRouter } from '../../http/routes';
import { fiscalYearOf } from '../../lib/dates';
import { can } from '../../policy';
import { today } from '../../http/today';
import { importKindRoutes } from '../imports';
import { loadMeeting, renderMeeting } from './meetings-page';
import { meetingCaseRoutes } from './cases/meeting-cases-routes';
import { meetingEntryRoutes } from './meetings-entry-routes';
import { meetingsImport } from './import/meetings-import';
import { FOLLOW_RATE_NOTE, followRate, followRateText } from './reports/meetings-follow-rate';
import { listMeetings, meetingYears } from './meetings-queries';
import { meetingPdfRoutes } from './pdf/meetings-pdf-routes';
import { petitionChoicesRoute } from '../persons';
import { petitionChoices } from './cases/meeting-cases-queries';

function chosenYear(req: Request, current: number): number {
  return fiscalYearParam(req, 'fy', 2000, 2100) ?? current;
}

/** GET /meetings: a fiscal year's meetings (newest first) with the year's counts and the court-follow rate. */
function meetingListRoutes(r: SecureRouter): void {
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

export function meetingsRoutes(r: SecureRouter): void {
  for (const name of ['meetingId', 'caseId']) {
    r.router.param(name, (_req, _res, next, value: string) => next(/^\d{1,9}$/.test(value) ? undefined : 'route'));
  }
  importKindRoutes(r, meetingsImport);
  meetingListRoutes(r);
  meetingEntryRoutes(r);
  r.get('/meetings/:meetingId', 'meetings:read', async (req, res) => renderMeeting(req, res, await loadMeeting(req)));
  meetingPdfRoutes(r);
  meetingCaseRoutes(r);
  // choosing the person on the case form fills its petition list (public/js/app.js)
  petitionChoicesRoute(r, '/meetings/petition-choices', 'meetings:write',
    async (db, personId) => (await petitionChoices(db, personId)).map((c) => ({ value: c.id, label: c.label })));
}
