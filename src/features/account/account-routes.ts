import { Request } from 'express';
import { SecureRouter } from '../../http/routes';
import { fieldError, parseForm, renderFormPage } from '../../http/forms';
import { flash } from '../../http/flash';
import { audit } from '../../audit/audit-writer';
import { checkPassword } from '../../auth/password-policy';
import { hashPassword } from '../../auth/passwords';
import { confirmPassword, signOutLocked } from '../../auth/reauthenticate';
import { continueAfterStep } from '../../auth/login-routes';
import { findUserById } from '../../auth/users-queries';
import { PASSWORD_FORM_MESSAGES, passwordChangeSchema } from './password-schema';
import { ANY_VERSION, inTransaction, updateVersioned } from '../../db/tx';

const VIEW = 'account/password';

/** A new session id for this browser (keeping its data); done before the other sessions end. */
function regenerate(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.login(req.user!, { session: true, keepSessionInfo: true }, (err) => (err ? reject(err) : resolve())));
}

/** Every user changes their own password here; a forced change lands here too. */
export function accountRoutes(r: SecureRouter): void {
  r.get('/account/password', 'signedIn', (_req, res) => {
    res.render(VIEW, { values: {} });
  });

  r.post('/account/password', 'signedIn', async (req, res) => {
    const form = parseForm(passwordChangeSchema, req.body);
    if (!form.ok) return renderFormPage(res, VIEW, {}, { ...form, values: {} });
    const { db, clock } = req.deps;
    const check = await confirmPassword(req, form.data.current);
    if (check === 'locked') return signOutLocked(req, res);
    if (check === 'wrong') return renderFormPage(res, VIEW, {}, { ...fieldError('current', PASSWORD_FORM_MESSAGES.currentWrong), values: {} });
    const user = (await findUserById(db, req.user!.id))!;
    const problem = form.data.password === form.data.current
      ? PASSWORD_FORM_MESSAGES.sameAsOld
      : checkPassword(form.data.password, user.username);
    if (problem) return renderFormPage(res, VIEW, {}, { ...fieldError('password', problem), values: {} });
    const hash = await hashPassword(form.data.password);
    await regenerate(req);
    const ended = await inTransaction(db, async (trx) => {
      await updateVersioned(trx, 'users', user.id, ANY_VERSION, { password_hash: hash, must_change_password: false, updated_at: clock.now(), updated_by: user.id });
      // Anyone else signed in as this user (an old password, a borrowed PC) is signed out.
      const n = await trx('sessions').where({ user_id: user.id }).whereNot({ sid: req.sessionID }).del();
      await audit(req, 'user.password_change', 'user', user.id, trx);
      return n;
    });
    flash(req, ended > 0 ? 'パスワードを変更しました。ほかの端末でのログインは終了しました。' : 'パスワードを変更しました。');
    continueAfterStep(req, res, { ...req.user!, must_change_password: false });
  });
}
