import { Request, Response } from 'express';
import { SecureRouter } from '../../http/routes';
import { safeNext } from '../../auth/login-routes';
import { fieldError, parseForm, renderFormPage } from '../../http/forms';
import { flash } from '../../http/flash';
import { groupSecret, matchTotpStep, newTotpSecret, totpUri } from '../../auth/totp';
import { confirmPassword, signOutLocked } from '../../auth/reauthenticate';
import { countUnusedRecoveryCodes, findTotp } from '../../auth/two-factor-queries';
import { isTwoFactorRequired } from '../../auth/two-factor-settings';
import { qrDataUrl } from './two-factor-qr';
import { disableSchema, enrolSchema, TWO_FACTOR_MESSAGES } from './two-factor-schema';
import { disableOwnTwoFactor, enrolTwoFactor } from './two-factor-service';

const PATH = '/account/two-factor';
const CODES_KEY = 'two-factor-recovery-codes';

/** The secret offered for enrolment lives in the session (server side) until confirmed. */
function pendingSecret(req: Request): string {
  req.session.totpEnrol ??= { secret: newTotpSecret() };
  return req.session.totpEnrol.secret;
}

async function enrolLocals(req: Request) {
  const secret = pendingSecret(req);
  return { qr: await qrDataUrl(totpUri(secret, req.user!.username)), groupedSecret: groupSecret(secret) };
}

/** Enrolled: the status page (and, where the role allows, the form to turn it off). */
async function statusLocals(req: Request) {
  const { db } = req.deps;
  const totp = (await findTotp(db, req.user!.id))!;
  return {
    enrolledAt: totp.enrolled_at,
    unusedCodes: await countUnusedRecoveryCodes(db, req.user!.id),
    required: await isTwoFactorRequired(db, req.user!.role),
  };
}

async function showPage(req: Request, res: Response) {
  if (await findTotp(req.deps.db, req.user!.id)) return res.render('two-factor/status', { values: {}, ...(await statusLocals(req)) });
  res.render('two-factor/enrol', { values: {}, ...(await enrolLocals(req)) });
}

/** Each user sets up their own second factor; a role that requires it is kept here until done. */
export function twoFactorRoutes(r: SecureRouter): void {
  r.get(PATH, 'signedIn', showPage);

  r.post(PATH, 'signedIn', async (req, res) => {
    if (await findTotp(req.deps.db, req.user!.id)) return res.redirect(303, PATH);
    const form = parseForm(enrolSchema, req.body);
    if (!form.ok) return renderFormPage(res, 'two-factor/enrol', await enrolLocals(req), { ...form, values: {} });
    const secret = pendingSecret(req);
    const step = matchTotpStep(secret, form.data.code, req.deps.clock.now());
    if (step === null) return renderFormPage(res, 'two-factor/enrol', await enrolLocals(req), { ...fieldError('code', TWO_FACTOR_MESSAGES.codeWrong), values: {} });
    const codes = await enrolTwoFactor(req, secret, step);
    delete req.session.totpEnrol;
    if (codes === 'already') return res.redirect(303, PATH);
    req.session.oneTime = { ...(req.session.oneTime ?? {}), [CODES_KEY]: codes.join(' ') };
    flash(req, '二段階認証を設定しました。次回からログイン時に確認コードが必要です。');
    res.redirect(303, `${PATH}/recovery-codes`);
  });

  // Shown once: taken out of the session as it is rendered.
  r.get(`${PATH}/recovery-codes`, 'signedIn', (req, res) => {
    const codes = req.session.oneTime?.[CODES_KEY];
    if (!codes) return res.redirect(303, PATH);
    delete req.session.oneTime![CODES_KEY];
    // The last forced step is done: continue to the page asked for at login.
    const next = safeNext(req.session.afterSteps);
    delete req.session.afterSteps;
    res.render('two-factor/recovery-codes', { codes: codes.split(' '), next });
  });

  r.post(`${PATH}/disable`, 'signedIn', async (req, res) => {
    const { db } = req.deps;
    if (!(await findTotp(db, req.user!.id))) return res.redirect(303, PATH);
    if (await isTwoFactorRequired(db, req.user!.role)) {
      flash(req, 'この役割では二段階認証が必須のため、解除できません。端末を替える場合はシステム管理者に再設定を依頼してください。', 'error');
      return res.redirect(303, PATH);
    }
    const form = parseForm(disableSchema, req.body);
    if (!form.ok) return renderFormPage(res, 'two-factor/status', await statusLocals(req), { ...form, values: {} });
    const check = await confirmPassword(req, form.data.password);
    if (check === 'locked') return signOutLocked(req, res);
    if (check === 'wrong') {
      return renderFormPage(res, 'two-factor/status', await statusLocals(req), { ...fieldError('password', TWO_FACTOR_MESSAGES.passwordWrong), values: {} });
    }
    await disableOwnTwoFactor(req);
    flash(req, '二段階認証を解除しました。');
    res.redirect(303, PATH);
  });
}
