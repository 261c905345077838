/** Writing courses: the cohort and its days, enrolments, the attendance grid and completion; each in one transaction, audited. */
import { Request } from 'express';
import { Knex } from 'knex';
import { audit } from '../../../audit/audit-writer';
import { ANY_VERSION, inTransaction, updateVersioned } from '../../../db/tx';
import { unlessTaken } from '../../../db/unique';
import { NotFoundError } from '../../../http/errors';
import { checkCompletion, COMPLETION_MESSAGES, Attendance, CourseForm, DayInput } from './courses-schema';
import { attendanceOf, daysOf } from './courses-queries';

const stamp = (req: Request) => ({ now: req.deps.clock.now(), by: req.user!.id });

/** Days are kept by number (update in place) so the attendance recorded against them stays. */
async function saveDays(trx: Knex.Transaction, courseId: number, days: DayInput[]): Promise<void> {
  for (const d of days) {
    const n = await trx('guardian_course_days').where({ course_id: courseId, day_no: d.day_no }).update({ held_on: d.held_on, topic: d.topic });
    if (n === 0) await trx('guardian_course_days').insert({ course_id: courseId, ...d });
  }
}

/** null when a course already exists for the year (also when another was created for it at the same moment). */
export async function createCourse(req: Request, f: CourseForm): Promise<number | null> {
  const { now, by } = stamp(req);
  return unlessTaken(['guardian_courses_fiscal_year_unique'], null, () => inTransaction(req.deps.db, async (trx) => {
    if (await trx('guardian_courses').where({ fiscal_year: f.fiscal_year }).first('id')) return null;
    const [row] = await trx('guardian_courses').insert({ fiscal_year: f.fiscal_year, title: f.title, created_at: now, created_by: by, updated_at: now, updated_by: by }).returning('id');
    await saveDays(trx, row.id, f.days);
    await audit(req, 'course.create', 'guardian_course', row.id, trx);
    return row.id as number;
  }));
}

export async function updateCourse(req: Request, id: number, f: CourseForm & { version: number }): Promise<boolean> {
  const { now, by } = stamp(req);
  return inTransaction(req.deps.db, async (trx) => {
    if (!(await updateVersioned(trx, 'guardian_courses', id, f.version, { title: f.title, updated_at: now, updated_by: by }))) return false;
    await saveDays(trx, id, f.days);
    await audit(req, 'course.update', 'guardian_course', id, trx);
    return true;
  });
}

/** Moves the course's version on (its attendance or trainees changed), so an open grid or edit form sees the conflict. */
const touchCourse = (trx: Knex.Transaction, id: number, now: Date, by: number) =>
  updateVersioned(trx, 'guardian_courses', id, ANY_VERSION, { updated_at: now, updated_by: by });

/** false when the person is already enrolled (e.g. a second submit). */
export async function enrol(req: Request, courseId: number, guardianId: number): Promise<boolean> {
  const { now, by } = stamp(req);
  return inTransaction(req.deps.db, async (trx) => {
    if (!(await trx('guardian_courses').where({ id: courseId }).forUpdate().first('id'))) throw new NotFoundError();
    if (await trx('guardian_course_enrolments').where({ course_id: courseId, guardian_id: guardianId }).first('id')) return false;
    await trx('guardian_course_enrolments').insert({ course_id: courseId, guardian_id: guardianId, created_at: now, created_by: by, updated_at: now, updated_by: by });
    await touchCourse(trx, courseId, now, by);
    await audit(req, 'course.enrol', 'guardian_course', courseId, trx);
    return true;
  });
}

/** enrolment id → day id → status ('' clears); only for trainees not yet completed. */
export type AttendanceInput = Map<number, Map<number, Attendance | ''>>;

/** Saves the grid if the course is still at `version`; false on a conflict. */
export async function saveAttendance(req: Request, courseId: number, version: number, input: AttendanceInput): Promise<boolean> {
  const { now, by } = stamp(req);
  return inTransaction(req.deps.db, async (trx) => {
    if (!(await updateVersioned(trx, 'guardian_courses', courseId, version, { updated_at: now, updated_by: by }))) return false;
    for (const [enrolmentId, days] of input) {
      for (const [dayId, status] of days) {
        await trx('guardian_course_attendance').where({ enrolment_id: enrolmentId, day_id: dayId }).del();
        if (status) await trx('guardian_course_attendance').insert({ enrolment_id: enrolmentId, day_id: dayId, status });
      }
    }
    await audit(req, 'course.attendance', 'guardian_course', courseId, trx);
    return true;
  });
}

export type CompleteResult = { ok: true } | { ok: false; message: string } | { ok: false; conflict: true };

/** Grants completion on `on` when every day is attended or made up (checkCompletion); the enrolment must still be at `version`. */
export async function completeEnrolment(req: Request, courseId: number, enrolmentId: number, on: string, version: number): Promise<CompleteResult> {
  const { now, by } = stamp(req);
  return inTransaction(req.deps.db, async (trx) => {
    const e = await trx('guardian_course_enrolments').where({ id: enrolmentId, course_id: courseId }).forUpdate().first('id', 'guardian_id', 'completed_on', 'version');
    if (!e) throw new NotFoundError();
    if (e.version !== version) return { ok: false, conflict: true };
    if (e.completed_on) return { ok: false, message: COMPLETION_MESSAGES.already };
    const refused = checkCompletion(await daysOf(trx, courseId), (await attendanceOf(trx, courseId)).get(enrolmentId) ?? new Map(), on);
    if (refused) return { ok: false, message: refused };
    await updateVersioned(trx, 'guardian_course_enrolments', enrolmentId, version, { completed_on: on, completion_basis: 'attendance', updated_at: now, updated_by: by });
    await touchCourse(trx, courseId, now, by);
    await audit(req, 'course.complete', 'guardian_course', courseId, trx);
    await audit(req, 'course.complete', 'citizen_guardian', e.guardian_id, trx);
    return { ok: true };
  });
}
