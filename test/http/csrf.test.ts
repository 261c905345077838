import request from 'supertest';
import { useTestApp } from '../helpers/suite';
import { csrfFrom } from '../helpers/agent';
import { sampleUrl, routeName } from '../helpers/routes';
import { can, Role, ROLES } from '../../src/policy';

/** These walk the whole route registry, which grows with every feature: a generous limit, not the default 30 s. */
const ENUMERATION_TIMEOUT = 180_000;

const t = useTestApp();

function roleFor(access: string): Role {
  return ROLES.find((r) => can({ id: 1, role: r, ward_id: null }, access as never)) ?? 'admin';
}

test('every POST route refuses a missing or foreign CSRF token with 403, and changes nothing', async () => {
  const posts = t.routes.filter((r) => r.method === 'post');
  expect(posts.length).toBeGreaterThan(8);
  // one signed-in user per role: a refused token is refused before the route runs, so no session ends
  const agents = new Map<Role, Awaited<ReturnType<typeof t.login>>['agent']>();
  const agentFor = async (role: Role) => agents.get(role) ?? agents.set(role, (await t.login(role)).agent).get(role)!;
  const other = request.agent(t.app);
  const foreignToken = csrfFrom((await other.get('/login')).text);
  for (const route of posts) {
    const role = route.access === 'public' ? 'staff' : roleFor(route.access);
    const agent = await agentFor(role);
    const auditBefore = (await t.db('audit_log').count({ n: '*' }))[0].n;
    const url = sampleUrl(route, '1');
    const missing = await agent.post(url).type('form').send({ name: 'x' });
    const foreign = await agent.post(url).type('form').send({ name: 'x', _csrf: foreignToken });
    expect([routeName(route), missing.status, foreign.status]).toEqual([routeName(route), 403, 403]);
    expect(missing.text).toContain('画面を開き直して');
    const auditAfter = (await t.db('audit_log').count({ n: '*' }))[0].n;
    expect([routeName(route), auditAfter]).toEqual([routeName(route), auditBefore]);
  }
}, ENUMERATION_TIMEOUT);

test('a GET never changes state: no GET route writes an audit row except views of records', async () => {
  const { agent } = await t.login('admin');
  const users = await t.db('users').count({ n: '*' });
  for (const route of t.routes.filter((r) => r.method === 'get')) await agent.get(sampleUrl(route, '1'));
  expect(await t.db('users').count({ n: '*' })).toEqual(users);
}, ENUMERATION_TIMEOUT);
