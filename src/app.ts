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
import { pastFiguresRoutes } from './features/past-figures/past-figures-routes';
import { auditRoutes } from './audit/audit-routes';
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
  app.use(express.urlencoded({ extended: false, limit: '256kb', parameterLimit: 2000 }));
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
