import crypto from 'node:crypto';
import { Express, NextFunction, Request, Response } from 'express';
import { uniqueViolation } from '../db/unique';
import type { Logger } from '../logger';
import { csrfTokenFor } from './csrf';

export class NotFoundError extends Error {}

/**
 * The app's logger, for requests that failed before setUpRequestContext gave them req.deps (a
 * static file, a font, a refused method): their incidents must reach the log as well.
 */
const appLogs = new WeakMap<object, Logger>();
const logFor = (req: Request): Logger | undefined => req.deps?.log ?? appLogs.get(req.app);

/**
 * Renders an error page even when the request failed before setUpViews gave it the page locals
 * (a body too large, a bad CSRF token, an upload refused): the layout needs them, and without
 * them the render itself fails and Express answers with its own page and a stack trace.
 */
export function renderErrorPage(req: Request, res: Response, status: number, view: string, locals: Record<string, unknown> = {}): void {
  res.locals.currentUser ??= req.user ?? null;
  res.locals.currentPath ??= req.path;
  res.locals.flash ??= [];
  res.locals.errors ??= {};
  res.locals.errorList ??= [];
  res.locals.csrfToken ??= () => csrfTokenFor(req, res);
  res.status(status).render(view, locals, (err: Error | null, html: string) => {
    if (!err) return void res.send(html);
    logFor(req)?.error({ reqId: req.id, err }, 'error page failed to render');
    res.type('text/plain').send('エラーが発生しました。画面を開き直してください。');
  });
}

/** Japanese 404/403/500 pages; a 500 shows an incident id that is also in the log, nothing more. */
export function setUpErrorHandlers(app: Express, log: Logger): void {
  appLogs.set(app, log);
  app.use((_req: Request, res: Response) => {
    res.status(404).render('errors/404');
  });
  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const e = err as { code?: string; status?: number; type?: string };
    if (e.code === 'EBADCSRFTOKEN') {
      renderErrorPage(req, res, 403, 'errors/403', { reason: 'csrf' });
      return;
    }
    if (err instanceof NotFoundError) {
      renderErrorPage(req, res, 404, 'errors/404');
      return;
    }
    // A create that lost a race for a unique key its form does not check (those that do answer
    // with the field's error): the record exists, nothing of this request was saved.
    if (uniqueViolation(err) && !res.headersSent) {
      logFor(req)?.warn({ reqId: req.id, err }, 'unique violation: answered 409, nothing saved');
      renderErrorPage(req, res, 409, 'errors/duplicate');
      return;
    }
    if (e.type === 'entity.too.large') {
      // A form body over the limit (src/app.ts): nothing was read, so say how to get the text back.
      renderErrorPage(req, res, 413, 'errors/413');
      return;
    }
    if (e.status && e.status >= 400 && e.status < 500) {
      renderErrorPage(req, res, e.status, 'errors/400', { status: e.status });
      return;
    }
    const incidentId = crypto.randomBytes(6).toString('hex').toUpperCase();
    logFor(req)?.error({ reqId: req.id, incidentId, err }, 'unhandled error');
    if (res.headersSent) return;
    renderErrorPage(req, res, 500, 'errors/500', { incidentId });
  });
}
