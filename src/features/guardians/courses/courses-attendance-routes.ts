import { Request, Response } from 'express';
import { audit } from '../../../audit/audit-writer';
import { NotFoundError } from '../../../http/errors';
import { flash } from '../../../http/flash';
import { ErrorItem, fieldError, parseForm, renderFormPage, Rerender } from '../../../http/forms';
import { idParam } from '../../../http/params';
import { SecureRouter } from '../../../http/routes';
import { versionField } from '../../../http/schema-fields';
import { toWareki } from '../../../lib/dates';
import { CourseDay, dayName, missingDays, Attendance, ATTENDANCE, completeSchema, enrolSchema } from './courses-schema';
import { courseParts, loadCourse, renderCourse } from './courses-page';
import { CourseRow, EnrolmentRow } from './courses-queries';
import { AttendanceInput, completeEnrolment, enrol, saveAttendance } from './courses-service';

import { ConflictRow, renderConflictPage } from '../../../http/conflict';
import { today } from '../../../http/today';

const ATTENDANCE_MESSAGE = '出欠は「出席」「欠席」「補講」から選択してください';

/** The grid's cells (att_<enrolment>_<day>) for trainees not yet completed; an absent cell is left as it is. */
function parseGrid(body: Record<string, unknown>, enrolments: EnrolmentRow[], dayIds: number[]) {
  const input: AttendanceInput = new Map();
  const errorList: ErrorItem[] = [];
  for (const e of enrolments.filter((x) => !x.completed_on)) {
    const days = new Map<number, Attendance | ''>();
    for (const d of dayIds) {
      const field = `att_${e.id}_${d}`;
      const v = body[field];
      if (v === undefined) continue;
      if (v === '' || (typeof v === 'string' && (ATTENDANCE as readonly string[]).includes(v))) days.set(d, v as Attendance | '');
      else errorList.push({ field, message: ATTENDANCE_MESSAGE });
    }
    input.set(e.id, days);
  }
  return { input, errorList };
}

/** The conflict page of the grid: the cells sent that differ from what is stored now. */
async function gridConflict(req: Request, res: Response, c: CourseRow, enrolments: EnrolmentRow[], days: CourseDay[], input: AttendanceInput) {
  const now = (await courseParts(req, c.id)).attendance;
  const rows: ConflictRow[] = [];
  for (const e of enrolments) {
    for (const d of days) {
      const mine = input.get(e.id)?.get(d.id);
      const theirs = now.get(e.id)?.get(d.id) ?? '';
      if (mine !== undefined && mine !== theirs) rows.push({ label: `${e.name} ${dayName(d)}`, mine: mine || '（未記録）', theirs: theirs || '（未記録）' });
    }
  }
  if (!rows.length) rows.push({ label: '出欠', mine: '（現在の記録と同じ）', theirs: '（受講者または修了の記録が変わりました）' });
  renderConflictPage(res, { backHref: `/guardians/courses/${c.id}#attendance`, rows });
}

async function loadEnrolment(req: Request, c: CourseRow) {
  const parts = await courseParts(req, c.id);
  const e = parts.enrolments.find((x) => x.id === idParam(req, 'enrolmentId'));
  if (!e) throw new NotFoundError();
  return { ...parts, e };
}

async function renderComplete(req: Request, res: Response, c: CourseRow, status = 200, extra: Rerender = {}) {
  const { days, attendance, e } = await loadEnrolment(req, c);
  const marks = attendance.get(e.id) ?? new Map();
  await audit(req, 'guardian.view', 'citizen_guardian', e.guardian_id);
  renderFormPage(res, 'guardians/course-complete', {
    c, e, days, marks, missing: missingDays(days, marks), values: { completed_on: today(req), version: e.version },
  }, extra, status);
}

/** Trainees of a course: enrol, the attendance grid (出席・欠席・補講 per day), and completion, refused with the missing days. */
export function attendanceRoutes(r: SecureRouter): void {
  r.post('/guardians/courses/:courseId/enrolments', 'guardians:write', async (req, res) => {
    const c = await loadCourse(req);
    const { candidates } = await courseParts(req, c.id);
    const form = parseForm(enrolSchema(new Set(candidates.map((g) => g.id))), req.body);
    if (!form.ok) return renderCourse(req, res, c, 400, { ...form, values: req.body ?? {} });
    flash(req, (await enrol(req, c.id, form.data.guardian_id)) ? '受講者を追加しました。' : 'この人は既に受講者です。');
    res.redirect(303, `/guardians/courses/${c.id}#trainees`);
  });

  r.post('/guardians/courses/:courseId/attendance', 'guardians:write', async (req, res) => {
    const c = await loadCourse(req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const version = versionField.safeParse(body.version);
    const { days, enrolments } = await courseParts(req, c.id);
    const { input, errorList } = parseGrid(body, enrolments, days.map((d) => d.id));
    if (!version.success) errorList.unshift({ field: 'attendance', message: version.error.issues[0].message });
    if (errorList.length) return renderCourse(req, res, c, 400, { errors: Object.fromEntries(errorList.map((x) => [x.field, x.message])), errorList, values: body });
    if (!(await saveAttendance(req, c.id, version.data!, input))) return gridConflict(req, res, c, enrolments, days, input);
    flash(req, '出欠を保存しました。');
    res.redirect(303, `/guardians/courses/${c.id}#attendance`);
  });

  r.get('/guardians/courses/:courseId/enrolments/:enrolmentId/complete', 'guardians:write', async (req, res) => renderComplete(req, res, await loadCourse(req)));

  r.post('/guardians/courses/:courseId/enrolments/:enrolmentId/complete', 'guardians:write', async (req, res) => {
    const c = await loadCourse(req);
    const { e } = await loadEnrolment(req, c);
    const form = parseForm(completeSchema(today(req)), req.body);
    if (!form.ok) return renderComplete(req, res, c, 400, { ...form, values: req.body ?? {} });
    const result = await completeEnrolment(req, c.id, e.id, form.data.completed_on, form.data.version);
    if (!result.ok && 'conflict' in result) {
      const now = (await loadEnrolment(req, c)).e;
      return renderConflictPage(res, {
        backHref: `/guardians/courses/${c.id}/enrolments/${e.id}/complete`,
        rows: [{ label: `${e.name}さんの修了日`, mine: toWareki(form.data.completed_on), theirs: now.completed_on ? toWareki(now.completed_on) : '（未修了）' }],
      });
    }
    if (!result.ok) return renderComplete(req, res, c, 400, { ...fieldError('completed_on', result.message), values: req.body ?? {} });
    flash(req, `${e.name}さんの修了を記録しました。`);
    res.redirect(303, `/guardians/courses/${c.id}#trainees`);
  });
}
