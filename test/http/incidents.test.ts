/**
 * Issue 13 S7: a name the font route does not serve is a 404 whatever it is (Object's own
 * property names included), and every incident id an error page shows is in the log.
 */
import request from 'supertest';
import { loginAs } from '../helpers/agent';
import { appWithCapturedLog } from '../helpers/captured-log';
import { makeUser } from '../helpers/factories';

const incidentOf = (html: string) => html.match(/エラー番号：<strong>([0-9A-F]{12})<\/strong>/)?.[1] ?? null;

let t: Awaited<ReturnType<typeof appWithCapturedLog>>;
beforeAll(async () => { t = await appWithCapturedLog(); });
afterAll(async () => { await t.database.close(); });

test.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'isPrototypeOf'])(
  'GET /public/fonts/%s is a 404 (and no incident goes unlogged)',
  async (name) => {
    const res = await request(t.app).get(`/public/fonts/${name}`);
    const id = incidentOf(res.text);
    if (id) expect(t.lines().filter((l) => l.incidentId === id)).toHaveLength(1);
    expect(res.status).toBe(404);
    expect(res.text).toContain('ページが見つかりません');
  },
);

test('a forced 500: the incident id on the page is in a logged line, with the request id', async () => {
  const staff = await makeUser(t.database.db, { role: 'staff' });
  const agent = await loginAs(t.app, staff.username);
  await t.database.db.raw('DROP TABLE persons CASCADE');
  const res = await agent.get('/persons?kana=ヒミツ');
  expect(res.status).toBe(500);
  const id = incidentOf(res.text);
  expect(id).not.toBeNull();
  const logged = t.lines().filter((l) => l.incidentId === id);
  expect(logged).toHaveLength(1);
  expect(logged[0]).toMatchObject({ level: 50, reqId: res.headers['x-request-id'], msg: 'unhandled error' });
  expect(t.text()).not.toContain('ヒミツ');
});
