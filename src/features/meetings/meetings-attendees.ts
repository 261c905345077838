/**
 * The attendee rows of the meeting form: `att_org_<i>`, `att_role_<i>`, `att_name_<i>` for
 * i = 0 … MAX_ATTENDEES-1. A row left blank is skipped; a row with a role or a name needs its
 * organisation (from the attendee_org list). Rows are kept in the order typed.
 */
import { FieldErrors } from '../../http/forms';
import { optionalText, requiredSelectId } from '../../http/schema-fields';
import { MEETING_MESSAGES as M } from './meetings-schema';

export const MAX_ATTENDEES = 30;
/** Empty rows the form offers below the filled ones. */
export const BLANK_ROWS = 3;

export interface Attendee { org_id: number; role: string | null; name: string | null }

export const attField = (kind: 'org' | 'role' | 'name', i: number) => `att_${kind}_${i}`;

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** The rows typed, or an error per bad field. */
export function parseAttendees(body: Record<string, unknown>, orgIds: Set<number>): { attendees: Attendee[]; errors: FieldErrors } {
  const attendees: Attendee[] = [];
  const errors: FieldErrors = {};
  for (let i = 0; i < MAX_ATTENDEES; i++) {
    const [org, role, name] = (['org', 'role', 'name'] as const).map((k) => body[attField(k, i)]);
    if ([org, role, name].every((v) => text(v) === '')) continue;
    const n = i + 1;
    const o = requiredSelectId(orgIds, M.attOrg(n)).safeParse(org);
    const r = optionalText(`出席者${n}の役職`, 50).safeParse(role);
    const m = optionalText(`出席者${n}の氏名`, 100).safeParse(name);
    if (!o.success) errors[attField('org', i)] = M.attOrg(n);
    if (!r.success) errors[attField('role', i)] = M.attRole(n);
    if (!m.success) errors[attField('name', i)] = M.attName(n);
    if (o.success && r.success && m.success) attendees.push({ org_id: o.data, role: r.data, name: m.data });
  }
  return { attendees, errors };
}

/** Form values for stored rows (att_org_0 …), and how many rows the form shows. */
export function attendeeValues(rows: Attendee[]): Record<string, string> {
  const values: Record<string, string> = {};
  rows.forEach((a, i) => {
    values[attField('org', i)] = String(a.org_id);
    values[attField('role', i)] = a.role ?? '';
    values[attField('name', i)] = a.name ?? '';
  });
  return values;
}

/** Rows to show: up to the last one with anything typed, plus BLANK_ROWS, at most MAX_ATTENDEES. */
export function rowsToShow(values: Record<string, unknown>): number {
  let last = -1;
  for (let i = 0; i < MAX_ATTENDEES; i++) {
    if ((['org', 'role', 'name'] as const).some((k) => text(values[attField(k, i)]) !== '')) last = i;
  }
  return Math.min(MAX_ATTENDEES, last + 1 + BLANK_ROWS);
}

/** '弁護士会 副会長 山田 一郎' — one attendee as a line. */
export const describeAttendee = (orgLabel: string, a: { role: string | null; name: string | null }) =>
  [orgLabel, a.role, a.name].filter(Boolean).join(' ');
