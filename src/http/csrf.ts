import { Express } from 'express';
import { csrfSync } from 'csrf-sync';

const { csrfSynchronisedProtection, generateToken } = csrfSync({
  size: 32,
  getTokenFromRequest: (req) => (req.body && typeof req.body._csrf === 'string' ? req.body._csrf : undefined),
});

/** Synchronizer token in a hidden `_csrf` field; every non-GET request without it gets 403. */
export function setUpCsrf(app: Express): void {
  app.use(csrfSynchronisedProtection);
  app.use((req, res, next) => {
    res.locals.csrfToken = () => generateToken(req);
    next();
  });
}

/** This session's token (made if it has none), for pages rendered outside the normal chain (error pages). */
export function csrfTokenFor(req: Parameters<typeof generateToken>[0]): string {
  return generateToken(req);
}

/** A fresh token after the session changes hands (login). */
export function rotateCsrfToken(req: Parameters<typeof generateToken>[0]): string {
  return generateToken(req, true);
}
