/** Loading a course by :courseId and rendering its page (days, trainees, attendance grid); every rendering audited (it names people). */
import { Request, Response } from 'express';
import { audit } from '../../../audit/audit-writer';
import { NotFoundError } from '../../../http/errors';
import { renderFormPage, Rerender } from '../../../http/forms';
import { idParam } from '../../../http/params';
import { can } from '../../../policy';
import { missingDays, ATTENDANCE } from './courses-schema';
import { attendanceOf, CourseRow, daysOf, enrolable, enrolmentsOfCourse, findCourse } from './courses-queries';

export async function loadCourse(req: Request): Promise<CourseRow> {
  const c = await findCourse(req.deps.db, idParam(req, 'courseId'));
  if (!c) throw new NotFoundError();
  return c;
}

export async function courseParts(req: Request, courseId: number) {
  const { db } = req.deps;
  const [days, enrolments, attendance, candidates] = await Promise.all([
    daysOf(db, courseId), enrolmentsOfCourse(db, courseId), attendanceOf(db, courseId), enrolable(db, courseId),
  ]);
  return { days, enrolments, attendance, candidates };
}

export async function renderCourse(req: Request, res: Response, c: CourseRow, status = 200, extra: Rerender = {}) {
  const { days, enrolments, attendance, candidates } = await courseParts(req, c.id);
  await audit(req, 'course.view', 'guardian_course', c.id);
  renderFormPage(res, 'guardians/course', {
    c, days, candidates, choices: ATTENDANCE,
    trainees: enrolments.map((e) => {
      const marks = attendance.get(e.id) ?? new Map();
      return { ...e, marks, missing: days.length ? missingDays(days, marks).length : null };
    }),
    canWrite: can(req.user, 'guardians:write'), values: {},
  }, extra, status);
}
