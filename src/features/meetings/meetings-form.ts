/** Rendering the meeting form (new and edit) and reading it back: fields, attendee rows, errors in form order. */
import { Response } from 'express';
import { ErrorItem, FieldErrors, FormErrors, parseForm, renderFormPage } from '../../http/forms';
import { Attendee, attField, MAX_ATTENDEES, parseAttendees, rowsToShow } from './meetings-attendees';
import { allowedIds, choicesFor, MeetingOptions } from './meetings-options';
import { MEETING_MESSAGES, meetingEditSchema, MeetingForm, meetingSchema } from './meetings-schema';

/** Where the form posts, its title and breadcrumbs: a new meeting or the edit of `id`. */
export interface MeetingFormMode { id: number | null; action: string; title: string }
export const NEW_MEETING: MeetingFormMode = { id: null, action: '/meetings', title: '受任調整会議の登録' };
export const editMeetingMode = (id: number): MeetingFormMode => ({ id, action: `/meetings/${id}`, title: `受任調整会議の編集（会議番号 ${id}）` });

const ORDER = ['held_on', 'place', ...Array.from({ length: MAX_ATTENDEES }, (_, i) => ['org', 'role', 'name'].map((k) => attField(k as 'org', i))).flat(), 'minutes'];

export function renderMeetingForm(res: Response, mode: MeetingFormMode, o: MeetingOptions, held: number[], values: Record<string, unknown>,
  status = 200, e?: FormErrors) {
  renderFormPage(res, 'meetings/form', { mode, values, rows: rowsToShow(values), orgChoices: choicesFor(o.orgs, held) }, e, status);
}

export type MeetingFormResult =
  | { ok: true; data: MeetingForm & { version?: number }; attendees: Attendee[] }
  | { ok: false; errors: FieldErrors; errorList: ErrorItem[] };

/**
 * The whole form, in one round: the fields (and version when editing), the attendee rows, the date
 * not in the future nor after the day a case of the meeting was sent to the court (`firstSent`).
 */
export function readMeetingForm(body: Record<string, unknown>, o: MeetingOptions, held: number[], editing: boolean, todayIso: string,
  firstSent: string | null = null): MeetingFormResult {
  const att = parseAttendees(body, allowedIds(o.orgs, held));
  const form = parseForm(editing ? meetingEditSchema : meetingSchema, body, (v) => {
    const errors: FieldErrors = { ...att.errors };
    if (v.held_on && v.held_on > todayIso) errors.held_on = MEETING_MESSAGES.future;
    else if (v.held_on && firstSent && v.held_on > firstSent) errors.held_on = MEETING_MESSAGES.afterSent(firstSent);
    return errors;
  }, ORDER);
  return form.ok ? { ok: true, data: form.data, attendees: att.attendees } : form;
}
