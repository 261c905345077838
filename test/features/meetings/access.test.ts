import { useTestApp } from '../../helpers/suite';
import { csrfFrom } from '../../helpers/agent';
import { insertCase, insertMeeting, kindId, somePerson } from './meeting-factory';

const t = useTestApp();
const ward = t.user('ward', { ward: '東区' });
const admin = t.user('admin');
const manager = t.user('manager');
const staff = t.user('staff');

let meeting = 0;
let caseId = 0;
beforeAll(async () => {
  meeting = await insertMeeting(t.db, '2026-10-01');
  caseId = await insertCase(t.db, meeting, { person_id: await somePerson(t.db), recommended: await kindId(t.db, '弁護士') });
});

const meetingRoutes = () => t.routes.filter((r) => r.path === '/meetings' || r.path.startsWith('/meetings/'));
const url = (path: string) => path.replace(':meetingId', String(meeting)).replace(':caseId', String(caseId)).replace(':batchId', '1');
const REPORT_URLS = ['/reports/meetings-monthly?fy=2026', '/reports/meetings-recommendations.csv?fy=2026', '/reports/meetings-monthly/print?fy=2026'];

test('the feature declares its routes: the list, the forms, the cases, the PDFs and the import', () => {
  const names = meetingRoutes().map((r) => `${r.method} ${r.path}`);
  for (const n of ['get /meetings', 'post /meetings', 'get /meetings/:meetingId', 'get /meetings/:meetingId/pdf', 'post /meetings/:meetingId/cases',
    'get /meetings/:meetingId/cases/:caseId/pdf', 'post /meetings/:meetingId/cases/:caseId/stage', 'get /meetings/import']) {
    expect(names).toContain(n);
  }
});

test.each(['ward', 'admin'] as const)('a %s user is refused every meeting route and both reports with 403, and it is audited', async (role) => {
  const agent = role === 'ward' ? ward.agent : admin.agent;
  const token = csrfFrom((await agent.get('/account/password')).text);
  for (const route of meetingRoutes()) {
    const res = route.method === 'get' ? await agent.get(url(route.path)) : await agent.post(url(route.path)).type('form').send({ _csrf: token, reason: 'x' });
    expect([route.method, route.path, res.status]).toEqual([route.method, route.path, 403]);
  }
  for (const u of REPORT_URLS) expect([u, (await agent.get(u)).status]).toEqual([u, 403]);
  const home = await agent.get('/');
  expect(home.text).not.toContain('href="/meetings"');
  expect(await t.db('meetings').where({ id: meeting }).first()).toMatchObject({ deleted_at: null, version: 1 });
  const denied = await t.db('audit_log').where({ action: 'access.denied', actor_username: role === 'ward' ? ward.username : admin.username });
  expect(denied.length).toBeGreaterThanOrEqual(meetingRoutes().length);
});

test('a manager reads meetings, cases, PDFs and reports but changes nothing; staff may write', async () => {
  for (const u of ['/meetings', `/meetings/${meeting}`, `/meetings/${meeting}/cases/${caseId}`, `/meetings/${meeting}/pdf`, ...REPORT_URLS]) {
    expect([u, (await manager.agent.get(u)).status]).toEqual([u, 200]);
  }
  expect((await manager.agent.get('/')).text).toContain('href="/meetings"');
  const token = csrfFrom((await manager.agent.get('/account/password')).text);
  for (const route of meetingRoutes().filter((r) => r.method === 'post')) {
    expect([route.path, (await manager.agent.post(url(route.path)).type('form').send({ _csrf: token })).status]).toEqual([route.path, 403]);
  }
  expect((await staff.agent.get(`/meetings/${meeting}/cases/new`)).status).toBe(200);
  expect((await staff.agent.get('/meetings/import')).status).toBe(200);
  expect((await staff.agent.get('/meetings/99999/cases/1')).status).toBe(404);
  expect((await staff.agent.get(`/meetings/${meeting + 1000}/cases/${caseId}`)).status).toBe(404);
});
