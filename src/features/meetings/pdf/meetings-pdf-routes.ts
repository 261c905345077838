/** The two PDFs: a meeting's minutes (議事録) and a case's result sheet for the court (結果票); both audited. */
import { audit } from '../../../audit/audit-writer';
import { sendDownload } from '../../../http/download';
import { SecureRouter } from '../../../http/routes';
import { labelOf, loadMeetingOptions } from '../meetings-options';
import { attendeesOf, casesOf } from '../meetings-queries';
import { loadMeeting } from '../meetings-page';
import { loadCase } from '../cases/meeting-case-page';
import { resultSheetPdf, RESULT_SHEET_TITLE } from './meeting-case-pdf';
import { MINUTES_TITLE, minutesPdf } from './meeting-minutes-pdf';

export function meetingPdfRoutes(r: SecureRouter): void {
  r.get('/meetings/:meetingId/pdf', 'meetings:read', async (req, res) => {
    const m = await loadMeeting(req);
    const [attendees, cases] = await Promise.all([attendeesOf(req.deps.db, m.id), casesOf(req.deps.db, m.id)]);
    const pdf = await minutesPdf(m, attendees, cases, req.deps.clock.now());
    await audit(req, 'meeting.print', 'meeting', m.id);
    sendDownload(res, pdf, `${MINUTES_TITLE.replace(' ', '_')}_${m.id}.pdf`, 'pdf', true);
  });

  r.get('/meetings/:meetingId/cases/:caseId/pdf', 'meetings:read', async (req, res) => {
    const c = await loadCase(req);
    const o = await loadMeetingOptions(req.deps.db);
    const pdf = await resultSheetPdf(c, labelOf(o, c.recommended_type_id), labelOf(o, c.appointed_type_id), req.deps.clock.now());
    await audit(req, 'meeting_case.print', 'meeting_case', c.id);
    sendDownload(res, pdf, `${RESULT_SHEET_TITLE}_${c.id}.pdf`, 'pdf', true);
  });
}
