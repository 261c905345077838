import request from 'supertest';
import { TestApp } from '../../helpers/app';
import { Agent, csrfFrom, tokenFor } from '../../helpers/agent';
import { TEST_PASSWORD, TEST_TOTP_SECRET } from '../../helpers/factories';
import { totpCode } from '../../../src/auth/totp';

export const ENROL_PAGE = '/account/two-factor';

/** The code for the app's clock moved by a number of 30-second steps. */
export function codeAt(t: TestApp, steps = 0, secret = TEST_TOTP_SECRET): string {
  return totpCode(secret, new Date(t.clock.now().getTime() + steps * 30_000));
}

/** The first step of login in a fresh browser; returns the agent and the response. */
export async function passwordStep(t: TestApp, username: string, extra: Record<string, string> = {}, password = TEST_PASSWORD) {
  const agent = request.agent(t.app);
  const token = await tokenFor(agent, '/login');
  const res = await agent.post('/login').type('form').send({ username, password, ...extra, _csrf: token });
  return { agent, res };
}

/** Opens the code page for its token (or uses the one given), then posts the code. */
export async function sendCode(agent: Agent, code: string, token?: string) {
  const csrf = token ?? csrfFrom((await agent.get('/login/two-factor')).text);
  return agent.post('/login/two-factor').type('form').send({ code, _csrf: csrf });
}

export const cookieOf = (res: request.Response) => String(res.headers['set-cookie'] ?? '').match(/kk\.sid=([^;]+)/)?.[1];

/** The grouped secret shown on the enrolment page, without its spaces. */
export function secretFrom(html: string): string {
  const m = html.match(/id="totp-secret"><strong>([A-Z2-7 ]+)<\/strong>/);
  if (!m) throw new Error('no secret on the page');
  return m[1].replace(/ /g, '');
}

export const actionsOf = async (t: TestApp, userId: number): Promise<string[]> =>
  t.db('audit_log').where({ actor_id: userId }).orderBy('id').pluck('action');

export const codesFrom = (html: string) =>
  [...html.matchAll(/<li><strong>([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})<\/strong><\/li>/g)].map((m) => m[1]);

/** Posts a code on the enrolment page (with its token). */
export async function confirmEnrolment(agent: Agent, code: string) {
  const page = await agent.get(ENROL_PAGE);
  return agent.post(ENROL_PAGE).type('form').send({ code, _csrf: csrfFrom(page.text) });
}

/** Enrols through the pages; returns the secret and the recovery codes shown. */
export async function enrolThroughPages(t: TestApp, agent: Agent) {
  const secret = secretFrom((await agent.get(ENROL_PAGE)).text);
  const res = await confirmEnrolment(agent, totpCode(secret, t.clock.now()));
  if (res.status !== 303) throw new Error(`enrolment failed: ${res.status}`);
  const shown = await agent.get(res.headers.location);
  return { secret, codes: codesFrom(shown.text), res, shown };
}
