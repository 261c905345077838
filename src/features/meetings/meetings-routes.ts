/**
 * 受任調整会議 (domain.md §5): meetings, their cases, the PDFs and the ledger import. The import's
 * upload routes come first, and the ids only match digits, so '/meetings/import' and
 * '/meetings/new' are never taken for a meeting id.
 */
import { SecureRouter } from '../../http/routes';
import { importKindRoutes } from '../imports';
import { loadMeeting, renderMeeting } from './meetings-page';
import { meetingCaseRoutes } from './cases/meeting-cases-routes';
import { meetingEntryRoutes } from './meetings-entry-routes';
import { meetingsImport } from './import/meetings-import';
import { meetingListRoutes } from './meetings-list-routes';
import { meetingPdfRoutes } from './pdf/meetings-pdf-routes';
import { petitionChoicesRoute } from '../persons';
import { petitionChoices } from './cases/meeting-cases-queries';

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
