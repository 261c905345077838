import crypto from 'node:crypto';
import express, { Express } from 'express';
import helmet from 'helmet';

/** Headers and refusals that hold for every response, before any route runs. */
export function setUpSecurity(app: Express): void {
  app.disable('x-powered-by');
  app.use((req, res, next) => {
    if (req.method === 'TRACE' || req.method === 'TRACK') {
      res.status(405).set('Allow', 'GET, POST').type('text/plain').send('Method Not Allowed');
      return;
    }
    res.locals.cspNonce = crypto.randomBytes(16).toString('base64');
    next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as express.Response).locals.cspNonce}'`],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          frameAncestors: ["'none'"],
          formAction: ["'self'"],
        },
      },
      referrerPolicy: { policy: 'same-origin' },
      crossOriginEmbedderPolicy: false,
      // helmet would send HSTS on plain HTTP too; we send it only where it means something (below)
      strictTransportSecurity: false,
    }),
  );
  // Behind the HTTPS reverse proxy (TRUST_PROXY) browsers must never fall back to HTTP. No
  // includeSubDomains: other hosts of the city's closed network are not ours to pin.
  app.use((req, res, next) => {
    if (req.secure) res.set('Strict-Transport-Security', `max-age=${HSTS_MAX_AGE}`);
    next();
  });
}

/** One year, in seconds. */
export const HSTS_MAX_AGE = 31_536_000;

/** Nothing a signed-in user sees is cached: set on every response, static files excepted. */
export function noStore(_req: express.Request, res: express.Response, next: express.NextFunction): void {
  res.set('Cache-Control', 'no-store');
  res.set('Pragma', 'no-cache');
  next();
}
