/** The meeting page: date, place, attendees, minutes, its cases; every rendering audited as a view. */
import { Request, Response } from 'express';
import { audit } from '../../audit/audit-writer';
import { NotFoundError } from '../../http/errors';
import { renderFormPage, Rerender } from '../../http/forms';
import { idParam } from '../../http/params';
import { can } from '../../policy';
import { ACCEPTED_LABELS } from './meetings-options';
import { attendeesOf, casesOf, findMeeting, MeetingRow } from './meetings-queries';

/** The live meeting in the path (or `id`), else 404. */
export async function loadMeeting(req: Request, id = idParam(req, 'meetingId')): Promise<MeetingRow> {
  const m = await findMeeting(req.deps.db, id);
  if (!m) throw new NotFoundError();
  return m;
}

export async function renderMeeting(req: Request, res: Response, m: MeetingRow, status = 200, extra: Rerender = {}) {
  const { db } = req.deps;
  const [attendees, cases] = await Promise.all([attendeesOf(db, m.id), casesOf(db, m.id)]);
  await audit(req, 'meeting.view', 'meeting', m.id);
  renderFormPage(res, 'meetings/show', {
    m, attendees, cases, acceptedLabels: ACCEPTED_LABELS, canWrite: can(req.user, 'meetings:write'), values: {},
  }, extra, status);
}
