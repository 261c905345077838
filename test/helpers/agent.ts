import { Express } from 'express';
import request from 'supertest';
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

/** A logged-in agent (fetches the login form for its token, then posts). */
export async function loginAs(app: Express, username: string, password = TEST_PASSWORD): Promise<Agent> {
  const agent = request.agent(app);
  const token = await tokenFor(agent, '/login');
  const res = await agent.post('/login').type('form').send({ username, password, _csrf: token });
  if (res.status !== 303) throw new Error(`login failed for ${username}: ${res.status}`);
  return agent;
}
