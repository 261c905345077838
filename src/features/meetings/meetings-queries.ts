/** Reading meetings: one (live) meeting, its attendees and cases, and a fiscal year's meetings. */
import { Knex } from 'knex';
import { fiscalYearOf, fiscalYearRange } from '../../lib/dates';
import type { Accepted } from './meetings-options';
import { petitionsMatchedBy } from '../petitions';

type Conn = Knex | Knex.Transaction;

export interface MeetingRow {
  id: number;
  held_on: string;
  place: string | null;
  minutes: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  created_by_name: string | null;
  updated_by_name: string | null;
}

/** A meeting that is not deleted, or undefined. */
export function findMeeting(db: Conn, id: number): Promise<MeetingRow | undefined> {
  return db('meetings as m').where('m.id', id).whereNull('m.deleted_at')
    .leftJoin('users as cu', 'cu.id', 'm.created_by')
    .leftJoin('users as uu', 'uu.id', 'm.updated_by')
    .first('m.id', 'm.held_on', 'm.place', 'm.minutes', 'm.version', 'm.created_at', 'm.updated_at',
      'cu.display_name as created_by_name', 'uu.display_name as updated_by_name');
}

export interface AttendeeRow { org_id: number; org: string; role: string | null; name: string | null }

export function attendeesOf(db: Conn, meetingId: number): Promise<AttendeeRow[]> {
  return db('meeting_attendees as a').join('code_entries as o', 'o.id', 'a.org_id').where('a.meeting_id', meetingId)
    .orderBy('a.position').select('a.org_id', 'o.label as org', 'a.role', 'a.name');
}

export interface CaseListRow {
  id: number;
  person_id: number;
  person_name: string;
  person_kana: string;
  petition_id: number | null;
  recommended: string;
  candidate_name: string | null;
  candidate_accepted: Accepted;
  sent_to_court_on: string | null;
  appointed: string | null;
}

/** The live cases of a meeting, in the order they were entered. */
export function casesOf(db: Conn, meetingId: number): Promise<CaseListRow[]> {
  return db('meeting_cases as c').where('c.meeting_id', meetingId).whereNull('c.deleted_at')
    .join('persons as per', 'per.id', 'c.person_id')
    .join('code_entries as r', 'r.id', 'c.recommended_type_id')
    .leftJoin('code_entries as a', 'a.id', 'c.appointed_type_id')
    .orderBy('c.id')
    .select('c.id', 'c.person_id', 'per.name as person_name', 'per.name_kana as person_kana', 'c.petition_id', 'r.label as recommended',
      'c.candidate_name', 'c.candidate_accepted', 'c.sent_to_court_on', 'a.label as appointed');
}

export interface MeetingListRow { id: number; held_on: string; place: string | null; orgs: string | null; cases: number }

/** The fiscal year's live meetings, newest first, with their organisations and live case counts (in SQL). */
export function listMeetings(db: Conn, fy: number): Promise<MeetingListRow[]> {
  const { from, to } = fiscalYearRange(fy);
  return db('meetings as m').whereNull('m.deleted_at').whereBetween('m.held_on', [from, to])
    .orderBy([{ column: 'm.held_on', order: 'desc' }, { column: 'm.id', order: 'desc' }])
    .select('m.id', 'm.held_on', 'm.place',
      db.raw(`(SELECT string_agg(DISTINCT o.label, '、') FROM meeting_attendees a JOIN code_entries o ON o.id = a.org_id
               WHERE a.meeting_id = m.id) AS orgs`),
      db.raw('(SELECT count(*) FROM meeting_cases c WHERE c.meeting_id = m.id AND c.deleted_at IS NULL)::int AS cases'));
}

/** Fiscal years to offer: from the first meeting to the current year, newest first. */
export async function meetingYears(db: Conn, currentFy: number): Promise<number[]> {
  const [{ min }] = await db('meetings').whereNull('deleted_at').min({ min: 'held_on' });
  const first = min ? Math.min(fiscalYearOf(String(min)), currentFy) : currentFy;
  return Array.from({ length: currentFy - first + 1 }, (_, i) => currentFy - i);
}

/** Petitions whose stage 6 points at a live case of this meeting (such a meeting may not be deleted). */
export async function linkedPetitions(db: Conn, meetingId: number): Promise<number[]> {
  const cases: { id: number }[] = await db('meeting_cases').where({ meeting_id: meetingId }).whereNull('deleted_at').select('id');
  return petitionsMatchedBy(db, cases.map((c) => c.id));
}

/** The first day a live case of this meeting was sent to the court (the meeting cannot be after it), or null. */
export async function firstSentOn(db: Conn, meetingId: number): Promise<string | null> {
  const row = await db('meeting_cases').where({ meeting_id: meetingId }).whereNull('deleted_at').min({ on: 'sent_to_court_on' }).first();
  return (row?.on as string | null | undefined) ?? null;
}
