import { SecureRouter } from '../../http/routes';
import { fieldError, parseForm, renderBadRequest } from '../../http/forms';
import { flash } from '../../http/flash';
import { audit } from '../../audit/audit-writer';
import { checkPassword } from '../../auth/password-policy';
import { hashPassword, verifyPassword } from '../../auth/passwords';
import { findUserById } from '../../auth/users-queries';
import { PASSWORD_FORM_MESSAGES, passwordChangeSchema } from './password-schema';

const VIEW = 'account/password';

/** Every user changes their own password here; a forced change lands here too. */
export function accountRoutes(r: SecureRouter): void {
  r.get('/account/password', 'signedIn', (_req, res) => {
    res.render(VIEW, { values: {} });
  });

  r.post('/account/password', 'signedIn', async (req, res) => {
    const form = parseForm(passwordChangeSchema, req.body);
    if (!form.ok) return renderBadRequest(res, VIEW, form, {});
    const { db, clock } = req.deps;
    const user = (await findUserById(db, req.user!.id))!;
    if (!(await verifyPassword(user.password_hash, form.data.current))) {
      return renderBadRequest(res, VIEW, fieldError('current', PASSWORD_FORM_MESSAGES.currentWrong), {});
    }
    const problem = form.data.password === form.data.current
      ? PASSWORD_FORM_MESSAGES.sameAsOld
      : checkPassword(form.data.password, user.username);
    if (problem) return renderBadRequest(res, VIEW, fieldError('password', problem), {});
    await db('users').where({ id: user.id }).update({
      password_hash: await hashPassword(form.data.password),
      must_change_password: false,
      version: user.version + 1,
      updated_at: clock.now(),
      updated_by: user.id,
    });
    await audit(req, 'user.password_change', 'user', user.id);
    flash(req, 'パスワードを変更しました。');
    res.redirect(303, '/');
  });
}
