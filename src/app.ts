import path from 'node:path';
import express from 'express';
import { AppDeps } from './deps';
import { projectRoot } from './project-root';
import { setUpSecurity, noStore } from './http/security';
import { setUpWebFonts } from './http/web-fonts';
import { setUpRequestContext } from './http/request-context';
import { setUpSession } from './http/session';
import { setUpAuth } from './auth/passport';
import { setUpCsrf } from './http/csrf';
import { setUpOneTimeForms } from './http/one-time-form';
import { parseUploads } from './http/uploads';
import { dropNulCharacters } from './http/forms';
import { setUpViews } from './http/views';
import { setUpErrorHandlers } from './http/errors';
import { RouteSpec, secureRouter } from './http/routes';
import { loginRoutes } from './auth/login-routes';
import { twoFactorLoginRoutes } from './auth/two-factor-login-routes';
import { FEATURES, REGISTRY } from './features';

/**
 * The largest form body the app reads. The largest legitimate body is the meeting form's:
 * 議事録 20,000 + 場所 200 + 30 attendee rows × (役職 50 + 氏名 100) = 24,700 characters (the
 * consultation form, 内容 + 対応 10,000 each + つなぎ先 2,000, comes next; every other form is
 * under 8,000). A character costs at most 9 bytes in the body: 3-byte UTF-8 percent-encoded
 * (%E8%AD%B0); a 4-byte one counts 2 toward a field's maximum, so 6 each. So ≈ 222 kB, plus
 * field names and tokens. On top of that the limit leaves room for one text pasted at ten times
 * the largest field maximum, so a field far over its maximum gets its own message with the text
 * kept (議事録 of 200,000 characters still does); rounded up to whole MiB, that is 2 MiB. Only
 * a body beyond it gets the 413 page (views/errors/413.ejs), which says Back keeps the text.
 */
const LARGEST_FORM_CHARS = 24_700;
const LARGEST_FIELD_MAX = 20_000;
const BYTES_PER_CHAR = 9;
const MIB = 1024 * 1024;
export const FORM_BODY_LIMIT_BYTES = Math.ceil(((LARGEST_FORM_CHARS + 9 * LARGEST_FIELD_MAX) * BYTES_PER_CHAR) / MIB) * MIB;

export function createApp(deps: AppDeps) {
  const app = express();
  const routes: RouteSpec[] = [];
  app.locals.routes = routes;

  setUpSecurity(app);
  setUpWebFonts(app);
  app.use('/public', express.static(path.join(projectRoot, 'public'), { maxAge: '1h', index: false }));
  setUpRequestContext(app, deps);
  app.get('/healthz', async (_req, res) => {
    try {
      await deps.db.raw('select 1');
      res.set('Cache-Control', 'no-store').json({ status: 'ok' });
    } catch {
      res.status(503).set('Cache-Control', 'no-store').json({ status: 'unavailable' });
    }
  });
  app.use(noStore);
  app.use(express.urlencoded({ extended: false, limit: FORM_BODY_LIMIT_BYTES, parameterLimit: 2000 }));
  const sessionStore = setUpSession(app, deps);
  setUpAuth(app, deps);
  app.use(parseUploads);
  app.use(dropNulCharacters);
  setUpCsrf(app);
  setUpOneTimeForms(app);
  setUpViews(app);

  const r = secureRouter(routes);
  loginRoutes(r);
  twoFactorLoginRoutes(r);
  // every feature's routes, in the order of FEATURES (src/features/index.ts), with the registries they read
  for (const feature of FEATURES) for (const mount of feature.routes ?? []) mount(r, REGISTRY);
  app.use(r.router);

  setUpErrorHandlers(app, deps.log);
  return { app, routes, sessionStore };
}
