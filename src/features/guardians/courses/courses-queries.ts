/** Reading courses: the list with counts, one course, its days, its trainees and their attendance. */
import { Knex } from 'knex';
import { CourseDay, Attendance } from './courses-schema';

type Conn = Knex | Knex.Transaction;

export interface CourseRow { id: number; fiscal_year: number; title: string; version: number }

export function listCourses(db: Conn): Promise<(CourseRow & { days: number; enrolled: number; completed: number })[]> {
  return db('guardian_courses as c').orderBy('c.fiscal_year', 'desc').select('c.id', 'c.fiscal_year', 'c.title', 'c.version',
    db.raw('(SELECT count(*) FROM guardian_course_days d WHERE d.course_id = c.id)::int AS days'),
    db.raw('(SELECT count(*) FROM guardian_course_enrolments e WHERE e.course_id = c.id)::int AS enrolled'),
    db.raw('(SELECT count(*) FROM guardian_course_enrolments e WHERE e.course_id = c.id AND e.completed_on IS NOT NULL)::int AS completed'));
}

export function findCourse(db: Conn, id: number): Promise<CourseRow | undefined> {
  return db('guardian_courses').where({ id }).first('id', 'fiscal_year', 'title', 'version');
}

export function daysOf(db: Conn, courseId: number): Promise<CourseDay[]> {
  return db('guardian_course_days').where({ course_id: courseId }).orderBy('day_no').select('id', 'day_no', 'held_on', 'topic');
}

export interface EnrolmentRow {
  id: number; guardian_id: number; name: string; name_kana: string; completed_on: string | null; completion_basis: string | null; version: number;
}

export function enrolmentsOfCourse(db: Conn, courseId: number): Promise<EnrolmentRow[]> {
  return db('guardian_course_enrolments as e').join('citizen_guardians as g', 'g.id', 'e.guardian_id').where('e.course_id', courseId)
    .orderBy([{ column: 'g.kana_key' }, { column: 'e.id' }])
    .select('e.id', 'e.guardian_id', 'g.name', 'g.name_kana', 'e.completed_on', 'e.completion_basis', 'e.version');
}

/** enrolment id → (day id → 出席 / 欠席 / 補講) for every trainee of the course. */
export async function attendanceOf(db: Conn, courseId: number): Promise<Map<number, Map<number, Attendance>>> {
  const rows: { enrolment_id: number; day_id: number; status: Attendance }[] = await db('guardian_course_attendance as a')
    .join('guardian_course_enrolments as e', 'e.id', 'a.enrolment_id').where('e.course_id', courseId).select('a.enrolment_id', 'a.day_id', 'a.status');
  const out = new Map<number, Map<number, Attendance>>();
  for (const r of rows) {
    if (!out.has(r.enrolment_id)) out.set(r.enrolment_id, new Map());
    out.get(r.enrolment_id)!.set(r.day_id, r.status);
  }
  return out;
}

/** Roster members not yet enrolled in this course, for the enrol select. */
export function enrolable(db: Conn, courseId: number): Promise<{ id: number; name: string; name_kana: string; birth_date: string }[]> {
  return db('citizen_guardians as g')
    .whereNotExists((q) => q.select(db.raw('1')).from('guardian_course_enrolments as e').whereRaw('e.guardian_id = g.id').where('e.course_id', courseId))
    .orderBy([{ column: 'g.kana_key' }, { column: 'g.id' }]).select('g.id', 'g.name', 'g.name_kana', 'g.birth_date');
}

/** The earliest completion recorded on a course (its days may not move after it), or null. */
export async function firstCompletion(db: Knex, courseId: number): Promise<string | null> {
  const row = await db('guardian_course_enrolments').where({ course_id: courseId }).whereNotNull('completed_on').min({ on: 'completed_on' }).first();
  return (row?.on as string | null | undefined) ?? null;
}
