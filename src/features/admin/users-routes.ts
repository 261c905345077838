import { Request, Response } from 'express';
import { SecureRouter } from '../../http/routes';
import { fieldError, parseForm, renderFormPage } from '../../http/forms';
import { flash } from '../../http/flash';
import { idParam } from '../../http/params';
import { NotFoundError } from '../../http/errors';
import { ROLES, ROLE_LABELS } from '../../policy';
import { findUserById, listUsers } from '../../auth/users-queries';
import { activeWards } from './masters-queries';
import { userCreateSchema, userUpdateSchema, USER_MESSAGES, wardRule } from './users-schema';
import { createUser, resetPassword, setDisabled, updateUser } from './users-service';
import { resetTwoFactor } from '../two-factor';
import { renderConflictPage } from '../../http/conflict';

async function formLocals(req: Request) {
  return { wards: await activeWards(req.deps.db), roles: ROLES, roleLabels: ROLE_LABELS };
}

async function loadUser(req: Request) {
  const user = await findUserById(req.deps.db, idParam(req));
  if (!user) throw new NotFoundError();
  return user;
}

async function showUser(req: Request, res: Response, status = 200, extra: Record<string, unknown> = {}) {
  const user = await loadUser(req);
  const oneTimePassword = req.session.oneTime?.[`user:${user.id}`] ?? null;
  if (oneTimePassword) delete req.session.oneTime![`user:${user.id}`];
  res.status(status).render('admin/users/show', { user, values: user, oneTimePassword, ...(await formLocals(req)), ...extra });
}

/** Only a ward the form offers (an active one) may be assigned; anything else is a stale or tampered form. */
async function wardOffered(req: Request, wardId: number | null): Promise<boolean> {
  return !wardId || (await activeWards(req.deps.db)).some((w) => w.id === wardId);
}

function rememberOneTime(req: Request, id: number, password: string) {
  req.session.oneTime = { ...(req.session.oneTime ?? {}), [`user:${id}`]: password };
}

export function usersRoutes(r: SecureRouter): void {
  r.get('/admin/users', 'users:manage', async (req, res) => {
    res.render('admin/users/index', { users: await listUsers(req.deps.db), roleLabels: ROLE_LABELS });
  });

  r.get('/admin/users/new', 'users:manage', async (req, res) => {
    res.render('admin/users/new', { values: {}, ...(await formLocals(req)) });
  });

  r.post('/admin/users', 'users:manage', async (req, res) => {
    const form = parseForm(userCreateSchema, req.body, wardRule);
    const values = { ...req.body, password: '' };
    if (!form.ok) return renderFormPage(res, 'admin/users/new', await formLocals(req), { ...form, values });
    if (!(await wardOffered(req, form.data.ward_id))) {
      return renderFormPage(res, 'admin/users/new', await formLocals(req), { ...fieldError('ward_id', USER_MESSAGES.ward), values });
    }
    const result = await createUser(req, form.data);
    if (!result.ok) return renderFormPage(res, 'admin/users/new', await formLocals(req), { ...fieldError(result.field, result.message), values });
    if (result.oneTimePassword) rememberOneTime(req, result.id, result.oneTimePassword);
    flash(req, 'ユーザーを作成しました。');
    res.redirect(303, `/admin/users/${result.id}`);
  });

  r.get('/admin/users/:id', 'users:manage', (req, res) => showUser(req, res));

  r.post('/admin/users/:id', 'users:manage', async (req, res) => {
    const user = await loadUser(req);
    const form = parseForm(userUpdateSchema, req.body, wardRule);
    if (!form.ok) return renderFormPage(res, 'admin/users/show', { user, oneTimePassword: null, ...(await formLocals(req)) }, { ...form, values: req.body });
    if (!(await wardOffered(req, form.data.ward_id))) {
      return renderFormPage(res, 'admin/users/show', { user, oneTimePassword: null, ...(await formLocals(req)) }, { ...fieldError('ward_id', USER_MESSAGES.ward), values: req.body });
    }
    if ((await updateUser(req, user.id, form.data)) === 'conflict') {
      const current = (await findUserById(req.deps.db, user.id))!;
      const { wards } = await formLocals(req);
      return renderConflictPage(res, {
        backHref: `/admin/users/${user.id}`,
        rows: [
          { label: '表示名', mine: form.data.display_name, theirs: current.display_name },
          { label: '役割', mine: ROLE_LABELS[form.data.role], theirs: ROLE_LABELS[current.role] },
          { label: '担当の区', mine: wards.find((w) => w.id === form.data.ward_id)?.name ?? '', theirs: current.ward_name ?? '' },
        ],
      });
    }
    flash(req, 'ユーザー情報を更新しました。');
    res.redirect(303, `/admin/users/${user.id}`);
  });

  r.post('/admin/users/:id/disable', 'users:manage', async (req, res) => {
    const user = await loadUser(req);
    if (user.id === req.user!.id) {
      flash(req, '自分自身を停止することはできません。', 'error');
      return res.redirect(303, `/admin/users/${user.id}`);
    }
    await setDisabled(req, user.id, true);
    flash(req, 'ユーザーを停止しました。ログイン中のセッションは終了しました。');
    res.redirect(303, `/admin/users/${user.id}`);
  });

  r.post('/admin/users/:id/enable', 'users:manage', async (req, res) => {
    const user = await loadUser(req);
    await setDisabled(req, user.id, false);
    flash(req, 'ユーザーの停止を解除しました。');
    res.redirect(303, `/admin/users/${user.id}`);
  });

  r.post('/admin/users/:id/reset-password', 'users:manage', async (req, res) => {
    const user = await loadUser(req);
    rememberOneTime(req, user.id, await resetPassword(req, user.id));
    flash(req, 'パスワードを再設定しました。次回ログイン時に変更が必要です。');
    res.redirect(303, `/admin/users/${user.id}`);
  });

  r.post('/admin/users/:id/reset-two-factor', 'users:manage', async (req, res, next) => {
    const user = await loadUser(req);
    if (!(await resetTwoFactor(req, user.id))) {
      flash(req, 'このユーザーは二段階認証を設定していません。', 'error');
      return res.redirect(303, `/admin/users/${user.id}`);
    }
    // One's own reset ends this session too: log in again (and enrol again if the role requires it).
    if (user.id === req.user!.id) return req.session.destroy((err) => (err ? next(err) : res.redirect(303, '/login')));
    flash(req, '二段階認証を解除しました。ログイン中のセッションは終了しました。役割で必須の場合、次回ログイン時に再設定が必要です。');
    res.redirect(303, `/admin/users/${user.id}`);
  });
}
