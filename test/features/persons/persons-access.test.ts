import { useTestApp } from '../../helpers/suite';
import { Agent, csrfFrom } from '../../helpers/agent';
import { sampleUrl, routeName } from '../../helpers/routes';
import { MENU, routeAccess } from '../../../src/features/home/home-routes';
import { RouteSpec } from '../../../src/http/routes';
import { insertPerson } from '../../helpers/factories';

const t = useTestApp();
let personId: number;

beforeAll(async () => {
  personId = await insertPerson(t.db, { name: '人吉 花子', name_kana: 'ヒトヨシ ハナコ', birth_date: '1930-02-02' });
});

const personRoutes = () => t.routes.filter((r) => r.path === '/persons' || r.path.startsWith('/persons/'));

async function hit(agent: Agent, route: RouteSpec, id: string) {
  const url = sampleUrl(route, id);
  if (route.method === 'get') return agent.get(url);
  const token = csrfFrom((await agent.get('/account/password')).text);
  return agent.post(url).type('form').send({ _csrf: token });
}

describe('who may use the person screens', () => {
  test('every persons route is declared, and the menu offers 本人情報 to persons:read', () => {
    expect(personRoutes().map(routeName).sort()).toEqual([
      'GET /persons', 'GET /persons/:id', 'GET /persons/:id/edit', 'GET /persons/:id/merge', 'GET /persons/:id/print', 'GET /persons/new',
      'POST /persons', 'POST /persons/:id', 'POST /persons/:id/merge',
    ].sort());
    expect(MENU.find((m) => m.href === '/persons')).toMatchObject({ label: '本人情報' });
    expect(routeAccess(t.routes, '/persons')).toBe('persons:read');
  });

  test.each(['ward', 'admin'] as const)('%s users get 403 on every persons route, existing record or not, and nothing changes', async (role) => {
    const { agent } = await t.login(role);
    const before = await t.db('persons').where({ id: personId }).first();
    for (const route of personRoutes()) {
      for (const id of [String(personId), '999999']) {
        const res = await hit(agent, route, id);
        expect([routeName(route), id, res.status]).toEqual([routeName(route), id, 403]);
      }
    }
    expect(await t.db('persons').where({ id: personId }).first()).toEqual(before);
    expect((await agent.get('/')).text).not.toContain('href="/persons"');
  });

  test('managers read (list, page, print) but may not write', async () => {
    const { agent } = await t.login('manager');
    for (const path of ['/persons', `/persons/${personId}`, `/persons/${personId}/print`]) expect((await agent.get(path)).status).toBe(200);
    for (const route of personRoutes().filter((r) => r.access === 'persons:write')) {
      expect([routeName(route), (await hit(agent, route, String(personId))).status]).toEqual([routeName(route), 403]);
    }
    const page = await agent.get(`/persons/${personId}`);
    expect(page.text).not.toContain(`/persons/${personId}/edit`);
    expect(page.text).not.toContain('相談を記録');
  });
});

describe('audit of views and prints', () => {
  test('each page view and each print writes one row with the id only', async () => {
    const { agent } = await t.login('staff');
    const count = async (action: string) => (await t.db('audit_log').where({ action, record_type: 'person', record_id: String(personId) })).length;
    const views = await count('person.view');
    const prints = await count('person.print');
    const page = await agent.get(`/persons/${personId}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`href="/consultations/new?person_id=${personId}"`);
    expect(page.text).toContain(`href="/persons/${personId}/print"`);
    await agent.get(`/persons/${personId}`);
    expect(await count('person.view')).toBe(views + 2);
    const print = await agent.get(`/persons/${personId}/print`);
    expect(print.status).toBe(200);
    expect(print.text).toContain('昭和5年2月2日');
    expect(print.text).not.toMatch(/<button|<form/);
    expect(await count('person.print')).toBe(prints + 1);
    const rows = await t.db('audit_log').where({ record_type: 'person', record_id: String(personId) }).select('*');
    expect(JSON.stringify(rows)).not.toMatch(/人吉|ヒトヨシ/);
  });

  test('an unknown id is 404', async () => {
    const { agent } = await t.login('staff');
    expect((await agent.get('/persons/999999')).status).toBe(404);
    expect((await agent.get('/persons/abc')).status).toBe(404);
  });
});
