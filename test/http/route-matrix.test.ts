import request from 'supertest';
import { useTestApp } from '../helpers/suite';
import { Agent, csrfFrom, loginAs } from '../helpers/agent';
import { RouteSpec } from '../../src/http/routes';
import { sampleUrl, routeName } from '../helpers/routes';
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

describe.each(ROLES)('role %s', (role) => {
  test('every route answers as policy.ts declares', async () => {
    for (const route of t.routes) {
      const res = await ask(role, route);
      const allowed = can({ id: 1, role, ward_id: null }, route.access);
      const outcome = res.status === 403 ? 'denied' : 'allowed';
      expect([routeName(route), outcome]).toEqual([routeName(route), allowed ? 'allowed' : 'denied']);
      expect([routeName(route), res.status < 500]).toEqual([routeName(route), true]);
    }
}, ENUMERATION_TIMEOUT);
});

test('a denied request is audited', async () => {
  await sessions.get('staff')!.agent.get('/admin/users');
  const rows = await t.db('audit_log').where({ action: 'access.denied', record_id: 'GET /admin/users' });
  expect(rows.length).toBeGreaterThan(0);
});
