import { NextFunction, Request, Response } from 'express';
import passport from 'passport';
import { SecureRouter } from '../http/routes';
import { audit } from '../audit/audit-writer';
import { recordLogin } from './users-queries';

/** Only same-site paths may be a post-login destination (no open redirect). */
export function safeNext(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) ? value : '/';
}

function renderLogin(res: Response, status: number, locals: Record<string, unknown>) {
  res.status(status).render('auth/login', locals);
}

export function loginRoutes(r: SecureRouter): void {
  r.get('/login', 'public', (req, res) => {
    if (req.user) return res.redirect(303, '/');
    renderLogin(res, 200, { next: safeNext(req.query.next), expired: req.query.expired === '1', values: {} });
  });

  r.post('/login', 'public', (req: Request, res: Response, next: NextFunction) => {
    const pp = req.app.locals.passport as passport.PassportStatic;
    const values = { username: typeof req.body.username === 'string' ? req.body.username : '' };
    const dest = safeNext(req.body.next);
    if (typeof req.body.username !== 'string' || typeof req.body.password !== 'string' || !values.username.trim()) {
      return renderLogin(res, 400, { next: dest, values, loginError: 'ユーザー名とパスワードを入力してください。' });
    }
    pp.authenticate('local', (err: unknown, user: Express.User | false, info?: { message?: string }) => {
      if (err) return next(err);
      if (!user) return renderLogin(res, 401, { next: dest, values, loginError: info?.message });
      req.login(user, (loginErr) => {
        if (loginErr) return next(loginErr);
        const now = req.deps.clock.now();
        req.session.loginAt = now.getTime();
        recordLogin(req.deps.db, user.id, now)
          .then(() => res.redirect(303, user.must_change_password ? '/account/password' : dest))
          .catch(next);
      });
    })(req, res, next);
  });

  r.post('/logout', 'signedIn', async (req, res, next) => {
    await audit(req, 'logout', 'user', req.user!.id);
    req.logout((err) => {
      if (err) return next(err);
      req.session.destroy(() => {
        res.clearCookie('kk.sid');
        res.redirect(303, '/login');
      });
    });
  });
}
