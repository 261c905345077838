import crypto from 'node:crypto';
import { Express } from 'express';
import { AppDeps } from '../deps';

/** Request id (also in every log line and audit row) and the app's dependencies on req. */
export function setUpRequestContext(app: Express, deps: AppDeps): void {
  app.use((req, res, next) => {
    req.id = crypto.randomUUID();
    req.deps = deps;
    res.set('X-Request-Id', req.id);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      deps.log.info({
        reqId: req.id,
        method: req.method,
        path: req.path,
        status: res.statusCode,
        ms: Number(process.hrtime.bigint() - started) / 1e6,
        userId: req.user?.id,
      }, 'request');
    });
    next();
  });
}
