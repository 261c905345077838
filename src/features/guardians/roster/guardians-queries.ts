/** Reading the roster: the list under its filters, one record with its derived status, and its steps. */
import { kanaSearchKey } from '../../../lib/kana';
import { GatingFacts } from '../bank/guardian-gating';
import { GuardianStatus, PeriodKind } from './guardian-status';
import { Knex } from 'knex';

type Conn = Knex | Knex.Transaction;

export interface GuardianRow {
  id: number;
  name: string;
  name_kana: string;
  kana_key: string;
  birth_date: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  activity_started_on: string | null;
  notes: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  status: GuardianStatus;
  completed_on: string | null;
  bank_since: string | null;
  cooperator_since: string | null;
}

export function findGuardian(db: Conn, id: number): Promise<GuardianRow | undefined> {
  return db('citizen_guardians as g').join('citizen_guardian_progress as gp', 'gp.guardian_id', 'g.id').where('g.id', id)
    .first('g.*', 'gp.status', 'gp.completed_on', 'gp.bank_since', 'gp.cooperator_since');
}

export interface ListFilters { status: GuardianStatus | null; kana: string }

export interface ListRow {
  id: number; name: string; name_kana: string; birth_date: string; status: GuardianStatus;
  completed_on: string | null; activity_started_on: string | null; bank_since: string | null; cases: number;
}

/** The roster is small (a few hundred over the years): a bounded list in kana order. */
export const LIST_LIMIT = 500;

export async function listGuardians(db: Conn, f: ListFilters): Promise<{ rows: ListRow[]; more: boolean }> {
  const q = db('citizen_guardians as g').join('citizen_guardian_progress as gp', 'gp.guardian_id', 'g.id')
    .select('g.id', 'g.name', 'g.name_kana', 'g.birth_date', 'g.activity_started_on', 'gp.status', 'gp.completed_on', 'gp.bank_since',
      db.raw('(SELECT count(*) FROM guardian_appointments a WHERE a.guardian_id = g.id AND a.ended_on IS NULL)::int AS cases'))
    .orderBy([{ column: 'g.kana_key' }, { column: 'g.id' }])
    .limit(LIST_LIMIT + 1);
  if (f.status) q.where('gp.status', f.status);
  const kana = kanaSearchKey(f.kana);
  if (kana) q.where('g.kana_key', 'like', `${kana.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const rows: ListRow[] = await q;
  return { rows: rows.slice(0, LIST_LIMIT), more: rows.length > LIST_LIMIT };
}

/** Everyone on the roster, for checklists and selects: id, name, kana, birth date, status. */
export function rosterChoices(db: Conn): Promise<{ id: number; name: string; name_kana: string; birth_date: string; status: GuardianStatus }[]> {
  return db('citizen_guardians as g').join('citizen_guardian_progress as gp', 'gp.guardian_id', 'g.id')
    .orderBy([{ column: 'g.kana_key' }, { column: 'g.id' }]).select('g.id', 'g.name', 'g.name_kana', 'g.birth_date', 'gp.status');
}

/** Another roster record with this kana and birth date (a possible duplicate), if any. */
export function sameKanaAndBirth(db: Conn, kanaKey: string, birthDate: string, exceptId: number | null = null) {
  const q = db('citizen_guardians').where({ kana_key: kanaKey, birth_date: birthDate }).first('id', 'name');
  if (exceptId !== null) q.whereNot('id', exceptId);
  return q;
}

export interface EnrolmentStep { id: number; course_id: number; fiscal_year: number; title: string; completed_on: string | null; completion_basis: string | null }

export function enrolmentsOf(db: Conn, id: number): Promise<EnrolmentStep[]> {
  return db('guardian_course_enrolments as e').join('guardian_courses as c', 'c.id', 'e.course_id').where('e.guardian_id', id)
    .orderBy('c.fiscal_year').select('e.id', 'e.course_id', 'c.fiscal_year', 'c.title', 'e.completed_on', 'e.completion_basis');
}

export function followupsOf(db: Conn, id: number): Promise<{ id: number; held_on: string; title: string }[]> {
  return db('guardian_followup_attendance as a').join('guardian_followup_sessions as s', 's.id', 'a.session_id').where('a.guardian_id', id)
    .orderBy([{ column: 's.held_on' }, { column: 's.id' }]).select('s.id', 's.held_on', 's.title');
}

export interface PeriodRow { id: number; kind: PeriodKind; started_on: string; ended_on: string | null; end_reason: string | null; version: number }

export function periodsOf(db: Conn, id: number, kind?: PeriodKind): Promise<PeriodRow[]> {
  const q = db('guardian_periods').where({ guardian_id: id }).orderBy([{ column: 'started_on' }, { column: 'id' }])
    .select('id', 'kind', 'started_on', 'ended_on', 'end_reason', 'version');
  if (kind) q.where({ kind });
  return q;
}

export interface AppointmentRow {
  id: number; guardian_id: number; person_id: number; person_name: string; person_kana: string; appointed_on: string;
  guardianship_type_id: number; type_label: string; ended_on: string | null; end_reason: string | null; version: number;
}

export function appointmentsQuery(db: Conn) {
  return db('guardian_appointments as a').join('persons as per', 'per.id', 'a.person_id').join('code_entries as t', 't.id', 'a.guardianship_type_id')
    .select('a.id', 'a.guardian_id', 'a.person_id', 'per.name as person_name', 'per.name_kana as person_kana', 'a.appointed_on',
      'a.guardianship_type_id', 't.label as type_label', 'a.ended_on', 'a.end_reason', 'a.version');
}

export function appointmentsOf(db: Conn, id: number): Promise<AppointmentRow[]> {
  return appointmentsQuery(db).where('a.guardian_id', id).orderBy([{ column: 'a.appointed_on', order: 'desc' }, { column: 'a.id', order: 'desc' }]);
}

/** What the bank rule reads about one person (inside the registering transaction). */
export async function gatingFacts(db: Conn, id: number): Promise<GatingFacts> {
  const [g, followups] = await Promise.all([
    db('citizen_guardians as g').join('citizen_guardian_progress as gp', 'gp.guardian_id', 'g.id').where('g.id', id)
      .first('g.activity_started_on', 'gp.completed_on'),
    followupsOf(db, id),
  ]);
  return { completedOn: g?.completed_on ?? null, activityStartedOn: g?.activity_started_on ?? null, followupDates: followups.map((f) => f.held_on) };
}

/** The meeting cases (受任調整会議の検討案件) that name a citizen guardian as their candidate, newest meeting first. */
export interface Candidacy { case_id: number; meeting_id: number; held_on: string }

export function candidaciesOf(db: Knex, guardianId: number): Promise<Candidacy[]> {
  return db('meeting_cases as c').join('meetings as m', 'm.id', 'c.meeting_id')
    .where('c.candidate_guardian_id', guardianId).whereNull('c.deleted_at').whereNull('m.deleted_at')
    .orderBy([{ column: 'm.held_on', order: 'desc' }, { column: 'c.id', order: 'desc' }])
    .select('c.id as case_id', 'c.meeting_id', 'm.held_on');
}
