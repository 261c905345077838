import crypto from 'node:crypto';
import { Express, NextFunction, Request, Response } from 'express';

export class NotFoundError extends Error {}

/** Japanese 404/403/500 pages; a 500 shows an incident id that is also in the log, nothing more. */
export function setUpErrorHandlers(app: Express): void {
  app.use((_req: Request, res: Response) => {
    res.status(404).render('errors/404');
  });
  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const e = err as { code?: string; status?: number; type?: string };
    if (e.code === 'EBADCSRFTOKEN') {
      res.status(403).render('errors/403', { reason: 'csrf' });
      return;
    }
    if (err instanceof NotFoundError) {
      res.status(404).render('errors/404');
      return;
    }
    if (e.status && e.status >= 400 && e.status < 500) {
      res.status(e.status).render('errors/400', { status: e.status });
      return;
    }
    const incidentId = crypto.randomBytes(6).toString('hex').toUpperCase();
    req.deps?.log.error({ reqId: req.id, incidentId, err }, 'unhandled error');
    if (res.headersSent) return;
    res.status(500).render('errors/500', { incidentId });
  });
}
