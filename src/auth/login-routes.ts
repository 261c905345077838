import { NextFunction, Request, Response } from 'express';
import passport from 'passport';
import { SecureRouter } from '../http/routes';
import { audit } from '../audit/audit-writer';
import { recordLogin } from './users-queries';
import { SecondFactorInfo } from './passport';
import { destinationAfterSteps, requiredStep } from './required-step';

/** Only same-site paths may be a post-login destination (no open redirect). */
export function safeNext(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) ? value : '/';
}

export function renderLogin(res: Response, status: number, locals: Record<string, unknown>) {
  res.status(status).render('auth/login', { next: '/', values: {}, ...locals });
}

/**
 * The full login: passport regenerates the session id (the pending second-factor state goes
 * with the old one), then the user is sent to the next forced step (required-step.ts) or
 * where they were going.
 */
export function completeLogin(req: Request, res: Response, next: NextFunction, user: Express.User, dest: string): void {
  req.login(user, (loginErr) => {
    if (loginErr) return next(loginErr);
    const now = req.deps.clock.now();
    req.session.loginAt = now.getTime();
    // Forced steps first; where the user was going waits in the session until they are done.
    if (requiredStep(user)) req.session.afterSteps = dest;
    const target = destinationAfterSteps(user, dest);
    recordLogin(req.deps.db, user.id, now)
      .then(() => res.redirect(303, target))
      .catch(next);
  });
}

/** After a forced step: the next one, else the page asked for at login (kept until now), else home. */
export function continueAfterStep(req: Request, res: Response, user: Express.User): void {
  const step = requiredStep(user);
  const dest = step ? step.path : safeNext(req.session.afterSteps);
  if (!step) delete req.session.afterSteps;
  res.redirect(303, dest);
}

export function loginRoutes(r: SecureRouter): void {
  r.get('/login', 'public', (req, res) => {
    if (req.user) return res.redirect(303, '/');
    renderLogin(res, 200, {
      next: safeNext(req.query.next), expired: req.query.expired === '1', locked: req.query.locked === '1', twoFactorExpired: req.query.expired === '2fa',
    });
  });

  r.post('/login', 'public', (req: Request, res: Response, next: NextFunction) => {
    const pp = req.app.locals.passport as passport.PassportStatic;
    const values = { username: typeof req.body.username === 'string' ? req.body.username : '' };
    const dest = safeNext(req.body.next);
    if (typeof req.body.username !== 'string' || typeof req.body.password !== 'string' || !values.username.trim()) {
      return renderLogin(res, 400, { next: dest, values, loginError: 'ユーザー名とパスワードを入力してください。' });
    }
    pp.authenticate('local', (err: unknown, user: Express.User | false, info?: Partial<SecondFactorInfo>) => {
      if (err) return next(err);
      if (!user) return renderLogin(res, 401, { next: dest, values, loginError: info?.message });
      if (info?.secondFactor) {
        // Password right, not logged in yet: req.user stays unset until the code is checked.
        req.session.twoFactor = { userId: user.id, next: dest, startedAt: req.deps.clock.now().getTime() };
        return res.redirect(303, '/login/two-factor');
      }
      completeLogin(req, res, next, user, dest);
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
