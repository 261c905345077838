import { useTestApp } from '../../helpers/suite';
import { csrfFrom } from '../../helpers/agent';
import { categoryId } from './helpers';
import { insertConsultation } from '../../helpers/factories';

const t = useTestApp();
const staff = t.user('staff');
let id: string;

beforeAll(async () => {
  id = String(await insertConsultation(t.db, { category_id: await categoryId(t.db, '制度説明'), follow_up_on: '2026-11-02', content: '内容' }));
});

const consultationRoutes = () => t.routes.filter((r) => /^\/consultations(\/|$)/.test(r.path) && !r.path.startsWith('/consultations/import'));

describe('access', () => {
  test('ward users get 403 on every consultations route, even for a record that exists', async () => {
    const { agent: ward } = await t.login('ward', { ward: '中央区' });
    const token = csrfFrom((await ward.get('/account/password')).text);
    const routes = consultationRoutes();
    expect(routes.map((r) => `${r.method} ${r.path}`).sort()).toEqual([
      'get /consultations', 'get /consultations/:consultationId', 'get /consultations/:consultationId/edit',
      'get /consultations/:consultationId/pdf', 'get /consultations/deleted', 'get /consultations/follow-ups',
      'get /consultations/new', 'post /consultations', 'post /consultations/:consultationId',
      'post /consultations/:consultationId/delete', 'post /consultations/:consultationId/follow-up-done',
      'post /consultations/:consultationId/restore',
    ]);
    for (const route of routes) {
      const url = route.path.replace(':consultationId', id);
      const res = route.method === 'get' ? await ward.get(url) : await ward.post(url).type('form').send({ _csrf: token, reason: 'x', category_id: '1' });
      expect([route.method, route.path, res.status]).toEqual([route.method, route.path, 403]);
    }
    expect(await t.db('consultations').where({ id }).first()).toMatchObject({ deleted_at: null, follow_up_done_at: null, version: 1 });
    expect(await t.db('audit_log').where({ action: 'consultation.view' })).toHaveLength(0);
  });

  test('a manager reads (list, detail, PDF) but may not write', async () => {
    const { agent: manager } = await t.login('manager');
    for (const url of ['/consultations', '/consultations/follow-ups', `/consultations/${id}`, `/consultations/${id}/pdf`]) {
      expect([url, (await manager.get(url)).status]).toEqual([url, 200]);
    }
    for (const url of ['/consultations/new', `/consultations/${id}/edit`]) expect([url, (await manager.get(url)).status]).toEqual([url, 403]);
    const home = await manager.get('/');
    expect(home.text).toContain('href="/consultations">相談記録</a>');
    expect(home.text).toContain('href="/consultations/follow-ups">フォローアップ</a>');
  });

  test('non-numeric ids fall through: 404 for nonsense, and a later /consultations/import route is reached', async () => {
    expect((await staff.agent.get('/consultations/abc')).status).toBe(404);
    expect((await staff.agent.get('/consultations/12abc/edit')).status).toBe(404);
    expect((await staff.agent.get('/consultations/999999')).status).toBe(404);
    if (t.routes.some((r) => r.method === 'get' && r.path === '/consultations/import')) {
      expect((await staff.agent.get('/consultations/import')).status).toBe(200);
    }
  });
});
