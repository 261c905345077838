import { RequestHandler } from 'express';
import { Access, can } from '../policy';
import { audit } from '../audit/audit-writer';
import { requiredStep } from '../auth/required-step';


/** Gate in front of every declared route: sign-in, the one pending forced step (required-step.ts), then the permission. */
export function requireAccess(access: Access): RequestHandler {
  return async (req, res, next) => {
    if (access === 'public') return next();
    if (!req.user) {
      const nextUrl = req.method === 'GET' ? `?next=${encodeURIComponent(req.originalUrl)}` : '';
      return res.redirect(303, `/login${nextUrl}`);
    }
    const step = requiredStep(req.user);
    if (step && !step.open.has(req.path)) return res.redirect(303, step.path);
    if (can(req.user, access)) return next();
    await audit(req, 'access.denied', 'route', `${req.method} ${req.baseUrl}${req.route?.path ?? req.path}`);
    res.status(403).render('errors/403');
  };
}
