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
      strictTransportSecurity: false,
    }),
  );
}

/** Nothing a signed-in user sees is cached: set on every response, static files excepted. */
export function noStore(_req: express.Request, res: express.Response, next: express.NextFunction): void {
  res.set('Cache-Control', 'no-store');
  res.set('Pragma', 'no-cache');
  next();
}
