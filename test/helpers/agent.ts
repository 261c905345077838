import { IncomingMessage, ServerResponse } from 'node:http';
import { Express, Request, Response } from 'express';
import request from 'supertest';
import { AppDeps } from '../../src/deps';
import { totpCode } from '../../src/auth/totp';
import { TEST_PASSWORD } from './factories';

export type Agent = ReturnType<typeof request.agent>;

/** The hidden _csrf value of the first form in a page. */
export function csrfFrom(html: string): string {
  const m = html.match(/name="_csrf" value="([^"]+)"/);
  if (!m) throw new Error('no CSRF token in page');
  return m[1];
}

/** GETs a page and returns its CSRF token (the agent keeps the session cookie). */
export async function tokenFor(agent: Agent, path = '/login'): Promise<string> {
  const res = await agent.get(path);
  return csrfFrom(res.text);
}

/** Posts a form the way a browser does: with the page's real CSRF token. */
export async function postForm(agent: Agent, path: string, body: Record<string, string | string[]>, tokenPage = '/') {
  const token = await tokenFor(agent, tokenPage);
  return agent.post(path).type('form').send({ ...body, _csrf: token });
}

const depsByApp = new WeakMap<Express, AppDeps>();
/**
 * The database and clock an app was made with, read off one request (req.deps) without
 * changing the app, so that loginAs keeps taking just the app.
 */
async function depsOf(app: Express): Promise<AppDeps> {
  const known = depsByApp.get(app);
  if (known) return known;
  let found: AppDeps | undefined;
  await request((req: IncomingMessage, res: ServerResponse) => {
    res.on('finish', () => { found = (req as Request).deps; });
    app(req as Request, res as Response);
  }).get('/healthz');
  if (!found) throw new Error('could not read the app’s dependencies');
  depsByApp.set(app, found);
  return found;
}

/**
 * The second step for a user with TOTP: the code for the app's clock, from the user's stored
 * secret. A test may log in as one user several times at one fake instant, which the replay
 * rule would refuse, so the helper first forgets the last accepted step (replay itself is
 * tested without this helper, in test/auth/two-factor-login.test.ts).
 */
async function answerTwoFactor(app: Express, agent: Agent, username: string): Promise<void> {
  const { db, clock } = await depsOf(app);
  const row = await db('user_totp').join('users', 'users.id', 'user_totp.user_id')
    .whereRaw('lower(users.username) = lower(?)', [username.trim()]).first('user_totp.user_id', 'user_totp.secret');
  if (!row) throw new Error(`login for ${username} asks for a second factor, but none is stored`);
  await db('user_totp').where({ user_id: row.user_id }).update({ last_step: null });
  const token = await tokenFor(agent, '/login/two-factor');
  const res = await agent.post('/login/two-factor').type('form').send({ code: totpCode(row.secret, clock.now()), _csrf: token });
  if (res.status !== 303) throw new Error(`second factor failed for ${username}: ${res.status}`);
}

/** A logged-in agent (fetches the login form for its token, then posts; answers TOTP if asked). */
export async function loginAs(app: Express, username: string, password = TEST_PASSWORD): Promise<Agent> {
  const agent = request.agent(app);
  const token = await tokenFor(agent, '/login');
  const res = await agent.post('/login').type('form').send({ username, password, _csrf: token });
  if (res.status !== 303) throw new Error(`login failed for ${username}: ${res.status}`);
  if (res.headers.location === '/login/two-factor') await answerTwoFactor(app, agent, username);
  return agent;
}
