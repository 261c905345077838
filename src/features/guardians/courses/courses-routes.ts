import { Request, Response } from 'express';
import { flash } from '../../../http/flash';
import { fieldError, FormErrors, renderFormPage } from '../../../http/forms';
import { SecureRouter } from '../../../http/routes';
import { fiscalYearLabel, fiscalYearOf, toWareki } from '../../../lib/dates';
import { can } from '../../../policy';
import { loadCourse, renderCourse } from './courses-page';
import { daysOf, firstCompletion, listCourses } from './courses-queries';
import { COURSE_MESSAGES, CourseForm, DAY_NOS, parseCourse } from './courses-schema';
import { createCourse, updateCourse } from './courses-service';

import { renderConflictPage } from '../../../http/conflict';
import { today } from '../../../http/today';

const renderForm = (res: Response, view: string, locals: Record<string, unknown>, values: Record<string, unknown>, status = 200, e?: FormErrors) =>
  renderFormPage(res, view, { ...locals, values, dayNos: DAY_NOS }, e, status);

async function conflict(req: Request, res: Response, id: number, mine: CourseForm) {
  const theirs = await daysOf(req.deps.db, id);
  const c = await loadCourse(req);
  const day = (d?: { held_on: string; topic: string }) => (d ? `${toWareki(d.held_on)} ${d.topic}` : '');
  const rows = [{ label: '講座名', mine: mine.title, theirs: c.title },
    ...DAY_NOS.map((n) => ({ label: `第${n}日`, mine: day(mine.days[n - 1]), theirs: day(theirs.find((d) => d.day_no === n)) }))];
  renderConflictPage(res, { backHref: `/guardians/courses/${id}/edit`, rows });
}

/** 養成講座: the cohorts, a new one (a fiscal year and its ten days), its page, and the edit of its days. */
export function coursesRoutes(r: SecureRouter): void {
  r.get('/guardians/courses', 'guardians:read', async (req, res) => {
    res.render('guardians/courses', { courses: await listCourses(req.deps.db), canWrite: can(req.user, 'guardians:write') });
  });

  r.get('/guardians/courses/new', 'guardians:write', (req, res) => {
    renderForm(res, 'guardians/course-new', {}, { fiscal_year: String(fiscalYearOf(today(req))), title: '市民後見人養成講座' });
  });

  r.post('/guardians/courses', 'guardians:write', async (req, res) => {
    const form = parseCourse(req.body, null);
    if (!form.ok) return renderForm(res, 'guardians/course-new', {}, req.body ?? {}, 400, form);
    const id = await createCourse(req, form.data);
    if (id === null) return renderForm(res, 'guardians/course-new', {}, req.body ?? {}, 400, fieldError('fiscal_year', COURSE_MESSAGES.fiscalYearTaken(fiscalYearLabel(form.data.fiscal_year))));
    flash(req, '養成講座を登録しました。受講者を追加してください。');
    res.redirect(303, `/guardians/courses/${id}`);
  });

  r.get('/guardians/courses/:courseId', 'guardians:read', async (req, res) => renderCourse(req, res, await loadCourse(req)));

  r.get('/guardians/courses/:courseId/edit', 'guardians:write', async (req, res) => {
    const c = await loadCourse(req);
    const values: Record<string, unknown> = { title: c.title, version: c.version };
    for (const d of await daysOf(req.deps.db, c.id)) Object.assign(values, { [`day_${d.day_no}_on`]: d.held_on, [`day_${d.day_no}_topic`]: d.topic });
    renderForm(res, 'guardians/course-edit', { c }, values);
  });

  r.post('/guardians/courses/:courseId', 'guardians:write', async (req, res) => {
    const c = await loadCourse(req);
    const form = parseCourse(req.body, c.fiscal_year, await firstCompletion(req.deps.db, c.id));
    if (!form.ok) return renderForm(res, 'guardians/course-edit', { c }, req.body ?? {}, 400, form);
    if (!(await updateCourse(req, c.id, { ...form.data, version: form.data.version! }))) return conflict(req, res, c.id, form.data);
    flash(req, '講座の日程を保存しました。');
    res.redirect(303, `/guardians/courses/${c.id}`);
  });
}
