import { Request, Response } from 'express';
import { SecureRouter } from '../../http/routes';
import { fieldError, FormErrors, parseForm, renderFormPage, Rerender } from '../../http/forms';
import { flash } from '../../http/flash';
import { idParam } from '../../http/params';
import { NotFoundError } from '../../http/errors';
import { CENTER_KINDS, MASTER_KINDS, masterKind, MasterKind } from './masters-kinds';
import { findMaster, listMaster, topLevelCategories } from './masters-queries';
import { masterCreateSchema, masterUpdateSchema } from './masters-schema';
import { addMaster, setRetired, updateMaster } from './masters-service';
import { renderConflictPage } from '../../http/conflict';

function kindOf(req: Request): MasterKind {
  const k = masterKind(String(req.params.kind));
  if (!k) throw new NotFoundError();
  return k;
}

/** The list with its add form; `again`: the add form's errors and values, `row`: a row edit's (rowErrors). */
async function renderList(req: Request, res: Response, k: MasterKind, status = 200, again: Rerender = {}, row: Record<string, unknown> = {}) {
  const rows = await listMaster(req.deps.db, k);
  const parents = k.extra === 'parent' ? await topLevelCategories(req.deps.db) : [];
  renderFormPage(res, 'admin/masters/list', { kind: k, rows, parents, centerKinds: CENTER_KINDS, values: {}, ...row }, again, status);
}

/** A row edit shown again: its errors on that row, and the summary links to its inputs (not to the add form's). */
function renderRowErrors(req: Request, res: Response, k: MasterKind, id: number, e: FormErrors) {
  const inputId = (field: string) => (field === 'sort_order' ? `sort-${id}` : `name-${id}`);
  const errorList = e.errorList.map((i) => ({ ...i, field: inputId(i.field) }));
  return renderList(req, res, k, 400, { errorList }, { rowErrors: e.errors, editId: id, editValues: req.body });
}

export function mastersRoutes(r: SecureRouter): void {
  r.get('/admin/masters', 'masters:manage', (_req, res) => {
    res.render('admin/masters/index', { kinds: MASTER_KINDS });
  });

  r.get('/admin/masters/:kind', 'masters:manage', (req, res) => renderList(req, res, kindOf(req)));

  r.post('/admin/masters/:kind', 'masters:manage', async (req, res) => {
    const k = kindOf(req);
    const form = parseForm(masterCreateSchema, req.body);
    const result = form.ok ? await addMaster(req, k, form.data) : form;
    if (form.ok && result.ok) {
      flash(req, `${k.title}を追加しました。`);
      return res.redirect(303, `/admin/masters/${k.key}`);
    }
    const errs = 'errors' in result ? result : fieldError((result as { field: string }).field, (result as { message: string }).message);
    return renderList(req, res, k, 400, { ...errs, values: req.body });
  });

  r.post('/admin/masters/:kind/:id', 'masters:manage', async (req, res) => {
    const k = kindOf(req);
    const id = idParam(req);
    const current = await findMaster(req.deps.db, k, id);
    if (!current) throw new NotFoundError();
    const form = parseForm(masterUpdateSchema, req.body);
    if (!form.ok) return renderRowErrors(req, res, k, id, form);
    const result = await updateMaster(req, k, id, form.data);
    if ('conflict' in result) {
      const now = await findMaster(req.deps.db, k, id);
      return renderConflictPage(res, {
        backHref: `/admin/masters/${k.key}`,
        rows: [
          { label: '名称', mine: form.data.name, theirs: now[k.nameColumn] },
          { label: '表示順', mine: String(form.data.sort_order), theirs: String(now.sort_order) },
        ],
      });
    }
    if (!result.ok) {
      return renderRowErrors(req, res, k, id, fieldError(result.field, result.message));
    }
    flash(req, `${k.title}を更新しました。`);
    res.redirect(303, `/admin/masters/${k.key}`);
  });

  for (const [action, retired] of [['retire', true], ['restore', false]] as const) {
    r.post(`/admin/masters/:kind/:id/${action}`, 'masters:manage', async (req, res) => {
      const k = kindOf(req);
      const id = idParam(req);
      if (!(await findMaster(req.deps.db, k, id))) throw new NotFoundError();
      await setRetired(req, k, id, retired);
      flash(req, retired ? '使用を停止しました。過去の記録と集計には残ります。' : '使用を再開しました。');
      res.redirect(303, `/admin/masters/${k.key}`);
    });
  }
}
