import request from 'supertest';
import { useTestApp } from '../helpers/suite';
import { Agent, csrfFrom, loginAs } from '../helpers/agent';
import { RouteSpec } from '../../src/http/routes';
import { sampleUrl, routeName } from '../helpers/routes';
import { ROUTE_ANSWERS } from './route-answers';
import { can, Role, ROLES } from '../../src/policy';

/** These walk the whole route registry, which grows with every feature: a generous limit, not the default 30 s. */
const ENUMERATION_TIMEOUT = 180_000;

const t = useTestApp();
/** Each role's session and its CSRF token, replaced when a request ended the session (logout, password change). */
const sessions = new Map<Role, { agent: Agent; token: string }>();
const usernames = new Map<Role, string>();

async function signIn(role: Role) {
  const agent = await loginAs(t.app, usernames.get(role)!);
  const s = { agent, token: csrfFrom((await agent.get('/account/password')).text) };
  sessions.set(role, s);
  return s;
}

beforeAll(async () => {
  for (const role of ROLES) {
    usernames.set(role, (await t.login(role)).username);
    await signIn(role);
  }
});

/** A session that ended shows as a redirect to the login page (GET) or a refused token (POST). */
const sessionEnded = (res: request.Response) =>
  (res.status === 303 && /^\/login/.test(String(res.headers.location))) || (res.status === 403 && res.text.includes('画面を開き直して'));

/** The route as the role, with a live session: asked again once, signed in afresh, if the session had ended. */
async function ask(role: Role, route: RouteSpec): Promise<request.Response> {
  const url = sampleUrl(route);
  const once = ({ agent, token }: { agent: Agent; token: string }) =>
    route.method === 'get' ? agent.get(url) : agent.post(url).type('form').send({ _csrf: token });
  const res = await once(sessions.get(role)!);
  return sessionEnded(res) ? once(await signIn(role)) : res;
}

test('the registry lists every route, each with a declared access', () => {
  expect(t.routes.length).toBeGreaterThan(15);
  for (const r of t.routes) expect(r.access).toBeTruthy();
});

test('anonymous requests to anything but public routes are sent to the login page', async () => {
  for (const route of t.routes.filter((r) => r.access !== 'public')) {
    const url = sampleUrl(route);
    const res = route.method === 'get' ? await request(t.app).get(url) : await request(t.app).post(url).type('form').send({});
    if (route.method === 'get') {
      expect([routeName(route), res.status, res.headers.location]).toEqual([routeName(route), 303, expect.stringMatching(/^\/login/)]);
    } else {
      // a POST without a session has no CSRF token either: refused before anything runs
      expect([routeName(route), res.status]).toEqual([routeName(route), 403]);
    }
  }
}, ENUMERATION_TIMEOUT);

/** What the route answers the role, declared (route-answers.ts): its answer where policy.ts lets the role in, else 403. */
function declared(role: Role, route: RouteSpec): string {
  if (!can({ id: 1, role, ward_id: null }, route.access)) return '403';
  const answer = ROUTE_ANSWERS[routeName(route)];
  return typeof answer === 'string' ? answer : answer?.[role] ?? 'no answer declared';
}

const answerOf = (res: request.Response) => (res.status === 303 ? `303 ${res.headers.location}` : String(res.status));

test('every route has its answer declared, every declared answer names a route, and none is a refusal or an error', () => {
  const names = t.routes.map(routeName);
  expect(names.filter((n) => !(n in ROUTE_ANSWERS))).toEqual([]);
  expect(Object.keys(ROUTE_ANSWERS).filter((n) => !names.includes(n))).toEqual([]);
  const all: string[] = Object.values(ROUTE_ANSWERS).flatMap((a) => (typeof a === 'string' ? [a] : Object.values(a)));
  expect(all.filter((a) => a === '403' || /^5/.test(a))).toEqual([]);
});

describe.each(ROLES)('role %s', (role) => {
  test('every route answers exactly as declared: a role policy.ts lets in gets the route\'s answer, any other 403', async () => {
    for (const route of t.routes) {
      const res = await ask(role, route);
      expect([routeName(route), answerOf(res)]).toEqual([routeName(route), declared(role, route)]);
    }
  }, ENUMERATION_TIMEOUT);
});

test('a denied request is audited', async () => {
  await sessions.get('staff')!.agent.get('/admin/users');
  const rows = await t.db('audit_log').where({ action: 'access.denied', record_id: 'GET /admin/users' });
  expect(rows.length).toBeGreaterThan(0);
});
