import crypto from 'node:crypto';
import { Express, Request, RequestHandler, Response } from 'express';
import { csrfSync } from 'csrf-sync';

const { csrfSynchronisedProtection, generateToken } = csrfSync({
  size: 32,
  getTokenFromRequest: (req) => tokenInBody(req),
});

function tokenInBody(req: Request): string | undefined {
  return req.body && typeof req.body._csrf === 'string' ? req.body._csrf : undefined;
}

/**
 * Before sign-in nobody has a session, and none is made just to show the login page (a row per
 * anonymous GET): the token is a keyed hash of a random pre-session cookie instead (the signed
 * double-submit cookie). Once a session exists — signed in, or a login waiting for its code —
 * the token lives in the session (csrf-sync's synchronizer token).
 */
export const PRE_SESSION_COOKIE = 'kk.pre';

function hasSession(req: Request): boolean {
  return Boolean(req.user || req.session?.twoFactor || req.session?.csrfToken);
}

function preSessionValue(req: Request): string | undefined {
  const m = /(?:^|;\s*)kk\.pre=([A-Za-z0-9_-]{43})(?:;|$)/.exec(req.headers.cookie ?? '');
  return m?.[1];
}

const preSessionToken = (req: Request, value: string) =>
  crypto.createHmac('sha256', req.deps.config.sessionSecret).update(`csrf:${value}`).digest('base64url');

function tokenForPage(req: Request, res: Response): string {
  if (hasSession(req)) return generateToken(req);
  let value = preSessionValue(req);
  if (!value) {
    value = crypto.randomBytes(32).toString('base64url');
    res.cookie(PRE_SESSION_COOKIE, value, { httpOnly: true, sameSite: 'lax', secure: req.deps.config.secureCookies, path: '/' });
  }
  return preSessionToken(req, value);
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Every non-GET request needs the token of its session, or, without one, of its pre-session cookie (else 403). */
const protection: RequestHandler = (req, res, next) => {
  if (SAFE.has(req.method) || hasSession(req)) return csrfSynchronisedProtection(req, res, next);
  const value = preSessionValue(req);
  const sent = tokenInBody(req);
  const expected = value ? preSessionToken(req, value) : undefined;
  if (sent && expected && sent.length === expected.length && crypto.timingSafeEqual(Buffer.from(sent), Buffer.from(expected))) return next();
  // Same refusal as csrf-sync's, so one error handler answers both.
  csrfSynchronisedProtection(req, res, next);
};

/** Synchronizer token in a hidden `_csrf` field; every non-GET request without it gets 403. */
export function setUpCsrf(app: Express): void {
  app.use(protection);
  app.use((req, res, next) => {
    res.locals.csrfToken = () => tokenForPage(req, res);
    next();
  });
}

/** The token for pages rendered outside the normal chain (error pages). */
export function csrfTokenFor(req: Request, res: Response): string {
  return tokenForPage(req, res);
}
