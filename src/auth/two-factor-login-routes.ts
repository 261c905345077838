import { Request, Response } from 'express';
import { SecureRouter } from '../http/routes';
import { toPrincipal } from './passport';
import { completeLogin, renderLogin } from './login-routes';
import { PENDING_MS, SECOND_FACTOR_MESSAGES, verifySecondFactor } from './second-factor';
import { fieldError, renderFormPage } from '../http/forms';

const VIEW = 'auth/two-factor';

/** The pending login of this session, unless there is none or its 5 minutes are over. */
function pendingOf(req: Request): { userId: number; next: string; startedAt: number } | 'none' | 'expired' {
  const p = req.session.twoFactor;
  if (!p) return 'none';
  if (req.deps.clock.now().getTime() - p.startedAt > PENDING_MS) {
    delete req.session.twoFactor;
    return 'expired';
  }
  return p;
}

function sendBack(res: Response, state: 'none' | 'expired') {
  res.redirect(303, state === 'expired' ? '/login?expired=2fa' : '/login');
}

/** Second step of login: a TOTP code from the authenticator app, or a one-time recovery code. */
export function twoFactorLoginRoutes(r: SecureRouter): void {
  r.get('/login/two-factor', 'public', (req, res) => {
    const p = pendingOf(req);
    if (typeof p === 'string') return sendBack(res, p);
    res.render(VIEW, { values: {}, deadline: new Date(p.startedAt + PENDING_MS) });
  });

  r.post('/login/two-factor', 'public', async (req, res, next) => {
    const p = pendingOf(req);
    if (typeof p === 'string') return sendBack(res, p);
    const code = typeof req.body.code === 'string' ? req.body.code.slice(0, 64) : '';
    const deadline = new Date(p.startedAt + PENDING_MS);
    if (!code.trim()) {
      return renderFormPage(res, VIEW, { values: {}, deadline }, fieldError('code', SECOND_FACTOR_MESSAGES.required));
    }
    const result = await verifySecondFactor(req.deps, p.userId, code, { ip: req.ip ?? '', requestId: req.id });
    if (!result.ok) {
      if (result.end) {
        delete req.session.twoFactor;
        return renderLogin(res, 401, { loginError: result.message });
      }
      return renderFormPage(res, VIEW, { values: {}, deadline }, fieldError('code', result.message), 401);
    }
    completeLogin(req, res, next, toPrincipal(result.user), p.next);
  });
}
