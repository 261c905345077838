import { RequestHandler } from 'express';
import { Access, can } from '../policy';
import { audit } from '../audit/audit-writer';

const PASSWORD_CHANGE_PATHS = new Set(['/account/password', '/logout']);
const TWO_FACTOR_ENROL_PATHS = new Set(['/account/two-factor', '/logout']);

/** Gate in front of every declared route: sign-in, forced password change, forced 2FA enrolment, then the permission. */
export function requireAccess(access: Access): RequestHandler {
  return async (req, res, next) => {
    if (access === 'public') return next();
    if (!req.user) {
      const nextUrl = req.method === 'GET' ? `?next=${encodeURIComponent(req.originalUrl)}` : '';
      return res.redirect(303, `/login${nextUrl}`);
    }
    if (req.user.must_change_password && !PASSWORD_CHANGE_PATHS.has(req.path)) {
      return res.redirect(303, '/account/password');
    }
    if (req.user.must_enrol_two_factor && !TWO_FACTOR_ENROL_PATHS.has(req.path)) {
      return res.redirect(303, '/account/two-factor');
    }
    if (can(req.user, access)) return next();
    await audit(req, 'access.denied', 'route', `${req.method} ${req.baseUrl}${req.route?.path ?? req.path}`);
    res.status(403).render('errors/403');
  };
}
