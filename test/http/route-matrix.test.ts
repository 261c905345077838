import request from 'supertest';
import { useTestApp } from '../helpers/suite';
import { Agent, csrfFrom, loginAs } from '../helpers/agent';
import { sampleUrl, routeName } from '../helpers/routes';
import { can, Role, ROLES } from '../../src/policy';

/** These walk the whole route registry, which grows with every feature: a generous limit, not the default 30 s. */
const ENUMERATION_TIMEOUT = 180_000;

const t = useTestApp();
const agents = new Map<Role, Agent>();
const usernames = new Map<Role, string>();

beforeAll(async () => {
  for (const role of ROLES) {
    const u = await t.login(role);
    usernames.set(role, u.username);
    agents.set(role, u.agent);
  }
});

async function agentFor(role: Role): Promise<Agent> {
  const agent = agents.get(role)!;
  const probe = await agent.get('/');
  if (probe.status === 200) return agent;
  const fresh = await loginAs(t.app, usernames.get(role)!);
  agents.set(role, fresh);
  return fresh;
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
      const agent = await agentFor(role);
      const url = sampleUrl(route);
      let res;
      if (route.method === 'get') {
        res = await agent.get(url);
      } else {
        const token = csrfFrom((await agent.get('/account/password')).text);
        res = await agent.post(url).type('form').send({ _csrf: token });
      }
      const allowed = can({ id: 1, role, ward_id: null }, route.access);
      const outcome = res.status === 403 ? 'denied' : 'allowed';
      expect([routeName(route), outcome]).toEqual([routeName(route), allowed ? 'allowed' : 'denied']);
      expect([routeName(route), res.status < 500]).toEqual([routeName(route), true]);
    }
  }, ENUMERATION_TIMEOUT);
});

test('a denied request is audited', async () => {
  const agent = await agentFor('staff');
  await agent.get('/admin/users');
  const rows = await t.db('audit_log').where({ action: 'access.denied', record_id: 'GET /admin/users' });
  expect(rows.length).toBeGreaterThan(0);
});
