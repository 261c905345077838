import { useTestApp } from '../../helpers/suite';
import { csrfFrom } from '../../helpers/agent';
import { can } from '../../../src/policy';
import { enrolDirect, insertCourse, insertGuardian, insertSession } from './guardian-factory';

const t = useTestApp();
const ward = t.user('ward', { ward: '東区' });
const admin = t.user('admin');
const manager = t.user('manager');
const staff = t.user('staff');

let ids: Record<string, number>;
beforeAll(async () => {
  const guardian = await insertGuardian(t.db);
  const course = await insertCourse(t.db, 2024);
  const enrolment = await enrolDirect(t.db, course.id, guardian);
  ids = { guardianId: guardian, courseId: course.id, enrolmentId: enrolment, sessionId: await insertSession(t.db, '2024-06-01', '研修', [guardian]), appointmentId: 1, batchId: 1 };
});

const guardianRoutes = () => t.routes.filter((r) => r.path.startsWith('/guardians'));
const url = (path: string) => path.replace(/:([A-Za-z]+)/g, (_m, name: string) => String(ids[name]));

test('the area declares its routes with guardians:read / guardians:write (imports: import:run)', () => {
  const routes = guardianRoutes();
  expect(routes.length).toBeGreaterThan(20);
  for (const r of routes) expect(['guardians:read', 'guardians:write', 'import:run']).toContain(r.access);
  expect(can({ id: 1, role: 'manager', ward_id: null }, 'guardians:read')).toBe(true);
  expect(can({ id: 1, role: 'manager', ward_id: null }, 'guardians:write')).toBe(false);
  expect(can({ id: 1, role: 'ward', ward_id: 1 }, 'guardians:read')).toBe(false);
});

test.each(['ward', 'admin'] as const)('a %s user is refused (403, audited) on every page and form of the area, and on the training table', async (role) => {
  const agent = role === 'ward' ? ward.agent : admin.agent;
  const token = csrfFrom((await agent.get('/account/password')).text);
  for (const r of guardianRoutes()) {
    const res = r.method === 'get' ? await agent.get(url(r.path)) : await agent.post(url(r.path)).type('form').send({ _csrf: token });
    expect([`${r.method} ${r.path}`, res.status]).toEqual([`${r.method} ${r.path}`, 403]);
  }
  if (role === 'ward') {
    for (const f of ['', '.csv', '.xlsx', '.pdf']) expect((await agent.get(`/reports/training-yearly${f}?from=2019&to=2023`)).status).toBe(403);
    expect((await agent.get('/reports')).text).not.toContain('training-yearly');
  }
  const home = await agent.get('/');
  expect(home.text).not.toContain('href="/guardians"');
  const denied = await t.db('audit_log').where({ action: 'access.denied', actor_username: role === 'ward' ? ward.username : admin.username }).where('record_id', 'like', '%/guardians%');
  expect(denied.length).toBeGreaterThan(10);
});

test('a manager reads every page and the table but cannot write; staff can do both', async () => {
  for (const r of guardianRoutes().filter((x) => x.method === 'get')) {
    const res = await manager.agent.get(url(r.path));
    expect([r.path, res.status]).toEqual([r.path, r.access === 'guardians:read' ? 200 : 403]);
  }
  expect((await manager.agent.get('/reports/training-yearly?from=2019&to=2023')).status).toBe(200);
  expect((await manager.agent.get('/')).text).toContain('href="/guardians"');
  expect((await staff.agent.get('/guardians/new')).status).toBe(200);
  const view = await manager.agent.get(`/guardians/${ids.guardianId}`);
  expect(view.text).not.toContain(`action="/guardians/${ids.guardianId}/bank"`);
  expect(await t.db('audit_log').where({ action: 'guardian.view', record_id: String(ids.guardianId) })).not.toHaveLength(0);
});
