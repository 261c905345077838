import path from 'node:path';
import express from 'express';
import { AppDeps } from './deps';
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
import { twoFactorRoutes } from './features/two-factor/two-factor-routes';
import { homeRoutes } from './features/home/home-routes';
import { accountRoutes } from './features/account/account-routes';
import { usersRoutes } from './features/admin/users-routes';
import { capsRoutes } from './features/admin/caps-routes';
import { settingsRoutes } from './features/admin/settings-routes';
import { mastersRoutes } from './features/admin/masters-routes';
import { indicatorTargetsRoutes } from './features/indicators/targets-routes';
import { indicatorsRoutes } from './features/indicators/indicators-routes';
import { pastFiguresRoutes } from './features/reports/past-figures/past-figures-routes';
import { auditRoutes } from './features/admin/audit-routes';
import { consultationsRoutes } from './features/consultations/consultations-routes';
import { personsRoutes } from './features/persons/persons-routes';
import { reportsRoutes } from './features/reports/reports-routes';
import { annualRoutes } from './features/annual/annual-routes';
import { importRoutes } from './features/imports/import-routes';
import { petitionOutputRoutes } from './features/petitions/petitions-pdf-routes';
import { petitionsRoutes } from './features/petitions/petitions-routes';
import { meetingsRoutes } from './features/meetings/meetings-routes';
import { subsidiesRoutes } from './features/subsidies/subsidies-routes';
import { guardiansRoutes } from './features/guardians/guardians-routes';

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
  app.use('/public', express.static(path.resolve(__dirname, '../public'), { maxAge: '1h', index: false }));
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
  twoFactorRoutes(r);
  homeRoutes(r);
  accountRoutes(r);
  usersRoutes(r);
  capsRoutes(r);
  settingsRoutes(r);
  indicatorTargetsRoutes(r); // before mastersRoutes: its paths would match /admin/masters/:kind
  mastersRoutes(r);
  auditRoutes(r);
  consultationsRoutes(r);
  personsRoutes(r);
  annualRoutes(r); // before reportsRoutes: its /reports/:file would take /reports/annual.pdf
  reportsRoutes(r);
  importRoutes(r);
  petitionOutputRoutes(r);
  petitionsRoutes(r);
  meetingsRoutes(r);
  subsidiesRoutes(r);
  guardiansRoutes(r);
  indicatorsRoutes(r);
  pastFiguresRoutes(r);
  app.use(r.router);

  setUpErrorHandlers(app, deps.log);
  return { app, routes, sessionStore };
}
