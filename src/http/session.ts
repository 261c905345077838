import { Express, RequestHandler } from 'express';
import session from 'express-session';
import { AppDeps } from '../deps';
import { DbSessionStore } from './session-store';

export const SESSION_COOKIE = 'kk.sid';

/** Database sessions: httpOnly, sameSite lax, secure behind HTTPS, idle and absolute timeouts. */
export function setUpSession(app: Express, deps: AppDeps): DbSessionStore {
  const idleMs = deps.config.idleTimeoutMinutes * 60_000;
  const store = new DbSessionStore(deps.db, deps.clock, idleMs);
  // X-Forwarded-* from the configured proxy only (one hop, or its addresses): req.ip, req.secure
  if (deps.config.trustProxy !== false) app.set('trust proxy', deps.config.trustProxy);
  app.use(
    session({
      name: SESSION_COOKIE,
      secret: deps.config.sessionSecret,
      store,
      resave: false,
      saveUninitialized: false,
      rolling: false,
      cookie: { httpOnly: true, sameSite: 'lax', secure: deps.config.secureCookies, path: '/' },
    }),
  );
  app.use(saveBeforeRedirect);
  app.use(absoluteTimeout(deps.config.absoluteTimeoutHours * 3_600_000));
  return store;
}

/**
 * express-session sends a response's headers before its session is written and ends the body
 * after; a browser follows a 303 on the headers alone, so the next page could read the session
 * as it was (the recovery codes of an enrolment, a flash message: gone). A redirect therefore
 * waits for the write. A session holding nothing (an anonymous visitor) is not written at all.
 */
const saveBeforeRedirect: RequestHandler = (req, res, next) => {
  const redirect = res.redirect.bind(res) as (...args: unknown[]) => void;
  res.redirect = ((...args: unknown[]) => {
    const holdsSomething = req.session && Object.keys(req.session).some((k) => k !== 'cookie');
    if (!holdsSomething) return redirect(...args);
    req.session.save((err) => (err ? next(err) : redirect(...args)));
  }) as typeof res.redirect;
  next();
};

/** A session older than the absolute limit is destroyed, whatever its activity. */
function absoluteTimeout(limitMs: number): RequestHandler {
  return (req, res, next) => {
    const loginAt = req.session?.loginAt;
    if (loginAt && req.deps.clock.now().getTime() - loginAt > limitMs) {
      req.session.destroy(() => res.redirect(303, '/login?expired=1'));
      return;
    }
    next();
  };
}
