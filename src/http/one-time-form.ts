import crypto from 'node:crypto';
import { Express, NextFunction, Request, Response } from 'express';
import { renderErrorPage } from './errors';
import { flash } from './flash';
import { claimToken, dropStale, findSubmission, recordLocation, releaseToken, STALE_MS, Submission } from './one-time-form-store';

/** The hidden field of every create form (views/partials/one-time-form.ejs). */
export const FORM_TOKEN_FIELD = '_form';
export const ALREADY_SENT = 'この内容は既に送信されています。';
/** How long a repeat waits for the first request to answer, and how often it looks. */
export const WAIT_MS = 5000;
const POLL_MS = 100;
const TOKEN = /^[A-Za-z0-9_-]{24}$/;

export const newFormToken = (): string => crypto.randomBytes(18).toString('base64url');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The body's well-formed token, taken out of the body (handlers never see it); null when absent or malformed. */
function takeToken(req: Request): string | null {
  const body = req.body as Record<string, unknown> | undefined;
  if (!body || typeof body !== 'object' || !(FORM_TOKEN_FIELD in body)) return null;
  const raw = body[FORM_TOKEN_FIELD];
  delete body[FORM_TOKEN_FIELD];
  return typeof raw === 'string' && TOKEN.test(raw) ? raw : null;
}

function callback(work: (done: (err?: unknown) => void) => void): Promise<void> {
  return new Promise((resolve, reject) => work((err) => (err ? reject(err) : resolve())));
}

/**
 * When the claiming request answers: a 303 stores its Location (after saving the session, so a
 * repeat that reloads it sees this request's flash); anything else releases the token, so the
 * corrected form (which carries a new token) or a retry can be sent. The answer waits for this.
 */
function settleOnAnswer(req: Request, res: Response, token: string): void {
  const end = res.end;
  let settled = false;
  res.end = function (this: Response, ...args: unknown[]) {
    if (settled) return (end as (...a: unknown[]) => Response).apply(this, args);
    settled = true;
    const location = res.statusCode === 303 ? res.get('Location') : undefined;
    const { db, log } = req.deps;
    const work = location
      ? (req.session ? callback((done) => req.session.save(done)) : Promise.resolve()).then(() => recordLocation(db, token, location))
      : releaseToken(db, token);
    work.catch((err: unknown) => log.error({ reqId: req.id, err }, 'one-time form token not settled'))
      .finally(() => (end as (...a: unknown[]) => Response).apply(this, args));
    return this;
  } as Response['end'];
}

/**
 * The state of a token already claimed, once it is settled: answered, released (gone), someone
 * else's, or — after WAIT_MS — still pending. A claim left by a request that died is dropped.
 */
async function waitForFirst(req: Request, token: string, userId: number): Promise<Submission | undefined> {
  const { db, clock } = req.deps;
  for (let waited = 0; ; waited += POLL_MS) {
    const row = await findSubmission(db, token);
    if (!row || row.user_id !== userId || row.result_location || waited >= WAIT_MS) return row;
    const stale = clock.now().getTime() - new Date(row.created_at).getTime() > STALE_MS;
    if (stale && (await dropStale(db, token, clock.now()))) return undefined;
    await sleep(POLL_MS);
  }
}

/** A repeat of an answered token: to the same place, with the first request's flash and a note. */
async function redirectLikeFirst(req: Request, res: Response, location: string): Promise<void> {
  if (req.session) {
    await callback((done) => req.session.reload(done)).catch(() => undefined);
    flash(req, ALREADY_SENT);
  }
  res.redirect(303, location);
}

async function oneTimeForm(req: Request, res: Response, next: NextFunction, token: string): Promise<void> {
  const { db, clock } = req.deps;
  const userId = req.user!.id;
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await claimToken(db, token, userId, clock.now())) {
      settleOnAnswer(req, res, token);
      return next();
    }
    const row = await waitForFirst(req, token, userId);
    if (!row) continue; // the first was released (or had died): this one may go ahead
    if (row.user_id !== userId) break;
    if (row.result_location) return redirectLikeFirst(req, res, row.result_location);
    return renderErrorPage(req, res, 409, 'errors/400', { status: 409 });
  }
  renderErrorPage(req, res, 400, 'errors/400', { status: 400 });
}

/**
 * One-time form tokens against double submits: a create form carries a fresh `_form` token;
 * the first POST with it claims it and runs, a repeat waits for the first and follows it.
 * Wired after CSRF, so only genuine posts of a signed-in user claim anything.
 */
export function setUpOneTimeForms(app: Express): void {
  app.use((req, res, next) => {
    res.locals.oneTimeFormToken = newFormToken;
    if (req.method !== 'POST' || !req.user) return next();
    const token = takeToken(req);
    if (!token) return next();
    oneTimeForm(req, res, next, token).catch(next);
  });
}
