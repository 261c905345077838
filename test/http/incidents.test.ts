/**
 * Issue 13 S7: a name the font route does not serve is a 404 whatever it is (Object's own
 * property names included), and every incident id an error page shows is in the log.
 */
import request from 'supertest';
import { appWithCapturedLog } from '../helpers/captured-log';

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
  await t.database.db.raw('DROP TABLE account_locks CASCADE');
  const agent = request.agent(t.app);
  const token = (await agent.get('/login')).text.match(/name="_csrf" value="([^"]+)"/)![1];
  const res = await agent.post('/login').type('form').send({ username: 'someone', password: 'whatever-password', _csrf: token });
  expect(res.status).toBe(500);
  const id = incidentOf(res.text);
  expect(id).not.toBeNull();
  const logged = t.lines().filter((l) => l.incidentId === id);
  expect(logged).toHaveLength(1);
  expect(logged[0]).toMatchObject({ level: 50, reqId: res.headers['x-request-id'], msg: 'unhandled error' });
  expect(JSON.stringify(logged[0])).not.toContain('whatever-password');
});
