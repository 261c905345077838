import { Request, Response } from 'express';
import { flash } from '../../../http/flash';
import { fieldError, FormErrors, parseFormAsync, renderFormPage } from '../../../http/forms';
import { fiscalYearName, toWareki } from '../../../lib/dates';
import { loadGuardian, renderGuardian } from './guardians-page';
import { GUARDIAN_COLUMNS, GUARDIAN_MESSAGES, GuardianForm, guardianSchema, guardianUpdateSchema } from './guardians-schema';
import { createGuardian, updateGuardian } from './guardians-service';
import { findGuardian, GuardianRow, sameKanaAndBirth, LIST_LIMIT, listGuardians } from './guardians-queries';
import { kanaSearchKey } from '../../../lib/kana';
import { conflictRows, renderConflictPage } from '../../../http/conflict';
import { today } from '../../../http/today';
import { audit } from '../../../audit/audit-writer';
import { queryString } from '../../../http/params';
import { can } from '../../../policy';
import { GUARDIAN_STATUSES, isGuardianStatus } from './guardian-status';
import { SecureRouter } from '../../../http/routes';

async function courseOptions(req: Request) {
  const rows: { id: number; fiscal_year: number; title: string }[] = await req.deps.db('guardian_courses')
    .orderBy('fiscal_year', 'desc').select('id', 'fiscal_year', 'title');
  return rows.map((c) => ({ value: c.id, label: `${fiscalYearName(c.fiscal_year)} ${c.title}` }));
}

async function renderNew(req: Request, res: Response, values: Record<string, unknown>, status = 200, e?: FormErrors) {
  renderFormPage(res, 'guardians/new', { values, courses: await courseOptions(req) }, e, status);
}

const renderEdit = (res: Response, g: GuardianRow, values: Record<string, unknown>, status = 200, e?: FormErrors) =>
  renderFormPage(res, 'guardians/edit', { g, values }, e, status);

const LABELS: Record<(typeof GUARDIAN_COLUMNS)[number], string> = {
  name: '氏名', name_kana: '氏名カナ', birth_date: '生年月日', address: '住所', phone: '電話番号', email: 'メールアドレス',
  activity_started_on: '地域生活支援員の活動開始日', notes: '備考',
};
/** The same kana and birth date on another roster record, said with the form's other errors (saving checks again). */
const duplicateRule = (req: Request, exceptId: number | null) => async (f: Partial<GuardianForm>) =>
  (f.name_kana && f.birth_date && (await sameKanaAndBirth(req.deps.db, kanaSearchKey(f.name_kana), f.birth_date, exceptId))
    ? { name_kana: GUARDIAN_MESSAGES.duplicate } : {});

const shown = (c: string, v: unknown) => (v === null || v === undefined || v === '' ? '' : c.endsWith('_on') || c === 'birth_date' ? toWareki(String(v)) : String(v));

/** New trainee (optionally enrolled in a course) and the edit of contact details and the 支援員 start date. */
export function formRoutes(r: SecureRouter): void {
  r.get('/guardians/new', 'guardians:write', (req, res) => renderNew(req, res, {}));

  r.post('/guardians', 'guardians:write', async (req, res) => {
    const courses = await courseOptions(req);
    const form = await parseFormAsync(guardianSchema(today(req), new Set(courses.map((c) => c.value))), req.body, duplicateRule(req, null));
    if (!form.ok) return renderNew(req, res, req.body ?? {}, 400, form);
    const { course_id: courseId, ...values } = form.data;
    const result = await createGuardian(req, values, courseId);
    if (!result.ok) return renderNew(req, res, req.body ?? {}, 400, fieldError('name_kana', GUARDIAN_MESSAGES.duplicate));
    flash(req, '市民後見人名簿に登録しました。');
    res.redirect(303, `/guardians/${result.id}`);
  });

  r.get('/guardians/:guardianId/edit', 'guardians:write', async (req, res) => {
    const g = await loadGuardian(req);
    renderEdit(res, g, { ...g });
  });

  r.post('/guardians/:guardianId', 'guardians:write', async (req, res) => {
    const g = await loadGuardian(req);
    const form = await parseFormAsync(guardianUpdateSchema(today(req)), req.body, duplicateRule(req, g.id));
    if (!form.ok) return renderEdit(res, g, req.body ?? {}, 400, form);
    const result = await updateGuardian(req, g.id, form.data);
    if (!result.ok && result.reason === 'duplicate') return renderEdit(res, g, req.body ?? {}, 400, fieldError('name_kana', GUARDIAN_MESSAGES.duplicate));
    if (!result.ok && result.reason === 'conflict') {
      const current = (await findGuardian(req.deps.db, g.id))!;
      const mine = form.data as GuardianForm;
      const rows = conflictRows(GUARDIAN_COLUMNS, (c) => LABELS[c], (c) => shown(c, mine[c]), (c) => shown(c, current[c]));
      return renderConflictPage(res, { backHref: `/guardians/${g.id}/edit`, rows });
    }
    flash(req, result.ok ? '名簿の記録を保存しました。' : 'この記録は見つかりませんでした。', result.ok ? 'success' : 'error');
    res.redirect(303, result.ok ? `/guardians/${g.id}` : '/guardians');
  });
}

/** GET /guardians: the roster in kana order, filtered by derived status and kana; audited (it names people). */
export function listRoutes(r: SecureRouter): void {
  r.get('/guardians', 'guardians:read', async (req, res) => {
    const status = queryString(req, 'status');
    const filters = { status: isGuardianStatus(status) ? status : null, kana: queryString(req, 'kana').slice(0, 50) };
    const page = await listGuardians(req.deps.db, filters);
    await audit(req, 'guardian.list', 'citizen_guardian', null);
    res.render('guardians/index', {
      filters, rows: page.rows, more: page.more, limit: LIST_LIMIT, statuses: GUARDIAN_STATUSES, canWrite: can(req.user, 'guardians:write'),
    });
  });
}

/** GET /guardians/:guardianId: details, status, history, the step forms and the cases. */
export function showRoutes(r: SecureRouter): void {
  r.get('/guardians/:guardianId', 'guardians:read', async (req, res) => renderGuardian(req, res, await loadGuardian(req)));
}
