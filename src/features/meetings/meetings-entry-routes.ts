/** GET/POST of the meeting form: a new meeting, the edit (conflict page on a stale version) and the soft delete. */
import { Request, Response } from 'express';
import { flash } from '../../http/flash';
import { fieldError, parseForm } from '../../http/forms';
import { SecureRouter } from '../../http/routes';
import { toWareki } from '../../lib/dates';
import { attendeeValues, describeAttendee } from './meetings-attendees';
import { editMeetingMode, NEW_MEETING, readMeetingForm, renderMeetingForm } from './meetings-form';
import { labelOf, loadMeetingOptions, MeetingOptions } from './meetings-options';
import { attendeesOf, firstSentOn, MeetingRow } from './meetings-queries';
import { loadMeeting, renderMeeting } from './meetings-page';
import { deleteSchema, MEETING_MESSAGES, MeetingForm } from './meetings-schema';
import { createMeeting, deleteMeeting, updateMeeting } from './meetings-service';
import { renderConflictPage } from '../../http/conflict';
import { today } from '../../http/today';

async function heldOrgs(req: Request, m: MeetingRow): Promise<{ values: Record<string, unknown>; held: number[]; lines: string[] }> {
  const rows = await attendeesOf(req.deps.db, m.id);
  return { values: attendeeValues(rows), held: rows.map((r) => r.org_id), lines: rows.map((r) => describeAttendee(r.org, r)) };
}

/** Both versions side by side: what was typed and what is saved now. */
async function renderConflict(req: Request, res: Response, id: number, mine: MeetingForm, mineLines: string[]) {
  const current = await loadMeeting(req, id);
  const theirs = await heldOrgs(req, current);
  renderConflictPage(res, {
    backHref: `/meetings/${id}/edit`,
    rows: [
      { label: '開催日', mine: toWareki(mine.held_on), theirs: toWareki(current.held_on) },
      { label: '場所', mine: mine.place ?? '', theirs: current.place ?? '' },
      { label: '出席者', mine: mineLines.join('、'), theirs: theirs.lines.join('、') },
      { label: '議事録', mine: mine.minutes ?? '', theirs: current.minutes ?? '' },
    ],
  });
}

const attendeeLines = (o: MeetingOptions, rows: { org_id: number; role: string | null; name: string | null }[]) =>
  rows.map((a) => describeAttendee(labelOf(o, a.org_id), a));

export function meetingEntryRoutes(r: SecureRouter): void {
  r.get('/meetings/new', 'meetings:write', async (req, res) => {
    renderMeetingForm(res, NEW_MEETING, await loadMeetingOptions(req.deps.db), [], { held_on: today(req) });
  });

  r.post('/meetings', 'meetings:write', async (req, res) => {
    const o = await loadMeetingOptions(req.deps.db);
    const body = req.body ?? {};
    const form = readMeetingForm(body, o, [], false, today(req));
    if (!form.ok) return renderMeetingForm(res, NEW_MEETING, o, [], body, 400, form);
    const id = await createMeeting(req, form.data, form.attendees);
    flash(req, `受任調整会議を登録しました（会議番号 ${id}）。続けて検討案件を登録してください。`);
    res.redirect(303, `/meetings/${id}`);
  });

  r.get('/meetings/:meetingId/edit', 'meetings:write', async (req, res) => {
    const m = await loadMeeting(req);
    const { values, held } = await heldOrgs(req, m);
    renderMeetingForm(res, editMeetingMode(m.id), await loadMeetingOptions(req.deps.db), held, { ...m, ...values });
  });

  r.post('/meetings/:meetingId', 'meetings:write', async (req, res) => {
    const m = await loadMeeting(req);
    const [o, { held }] = await Promise.all([loadMeetingOptions(req.deps.db), heldOrgs(req, m)]);
    const body = req.body ?? {};
    const form = readMeetingForm(body, o, held, true, today(req), await firstSentOn(req.deps.db, m.id));
    if (!form.ok) return renderMeetingForm(res, editMeetingMode(m.id), o, held, body, 400, form);
    if (!(await updateMeeting(req, m.id, form.data.version!, form.data, form.attendees))) {
      return renderConflict(req, res, m.id, form.data, attendeeLines(o, form.attendees));
    }
    flash(req, '受任調整会議の記録を保存しました。');
    res.redirect(303, `/meetings/${m.id}`);
  });

  r.post('/meetings/:meetingId/delete', 'meetings:write', async (req, res) => {
    const m = await loadMeeting(req);
    const form = parseForm(deleteSchema, req.body);
    if (!form.ok) return renderMeeting(req, res, m, 400, { ...form, values: req.body ?? {} });
    const outcome = await deleteMeeting(req, m.id, form.data.reason);
    if (!outcome.ok) return renderMeeting(req, res, m, 400, { ...fieldError('reason', MEETING_MESSAGES.deleteLinked(outcome.linked)), values: req.body ?? {} });
    flash(req, `受任調整会議（会議番号 ${m.id}）を削除しました。一覧・本人の経過・集計表から除かれます。`);
    res.redirect(303, '/meetings');
  });
}
