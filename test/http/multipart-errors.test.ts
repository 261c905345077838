import pino from 'pino';
import request from 'supertest';
import { createApp } from '../../src/app';
import { fixedClock } from '../../src/clock';
import { loadConfig } from '../../src/config';
import { RouteSpec } from '../../src/http/routes';
import { IMPORT_KINDS } from '../../src/features';
import { can, Role, ROLES } from '../../src/policy';
import { Agent, csrfFrom, loginAs } from '../helpers/agent';
import { makeUser } from '../helpers/factories';
import { routeName, sampleUrl } from '../helpers/routes';
import { openTestDatabase, TestDatabase } from '../helpers/test-db';

/** These walk the whole route registry, which grows with every feature: a generous limit, not the default 30 s. */
const ENUMERATION_TIMEOUT = 180_000;

/**
 * Every POST route reads multipart bodies (the upload parser runs before any route), so each is
 * tried — the upload pages first among them — with a valid session and CSRF token.
 */
let database: TestDatabase;
let routes: RouteSpec[];
let app: ReturnType<typeof createApp>['app'];
/** Every log line at warn or above, as JSON. */
const logged: { level: number; msg: string }[] = [];
const sessions = new Map<Role, { agent: Agent; token: string }>();

beforeAll(async () => {
  database = await openTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', SESSION_SECRET: 'test-secret-test-secret-test-secret!' });
  const log = pino({ level: 'warn', base: undefined }, { write: (line: string) => void logged.push(JSON.parse(line)) });
  ({ app, routes } = createApp({ db: database.db, config, clock: fixedClock(new Date('2026-11-27T01:00:00Z')), log }));
  for (const role of ROLES) {
    const agent = await loginAs(app, (await makeUser(database.db, { role })).username);
    sessions.set(role, { agent, token: csrfFrom((await agent.get('/account/password')).text) });
  }
});
afterAll(async () => { await database?.close(); });

const roleFor = (route: RouteSpec): Role =>
  ROLES.find((r) => route.access !== 'public' && can({ id: 1, role: r, ward_id: null }, route.access)) ?? 'staff';

const BOUNDARY = '----kkTestBoundary7MA4YWxkTrZu0gW';
/** A body that starts like the upload form's (the CSRF field, then the file) and stops mid-file. */
const truncated = (token: string) => Buffer.from([
  `--${BOUNDARY}`, 'Content-Disposition: form-data; name="_csrf"', '', token,
  `--${BOUNDARY}`, 'Content-Disposition: form-data; name="file"; filename="ledger.csv"', 'Content-Type: text/csv', '',
  '相談日,相談種別\r\n2023-04-01,制度',
].join('\r\n'));

function expectRefused(route: RouteSpec, res: request.Response) {
  expect([routeName(route), res.status]).toEqual([routeName(route), 400]);
  expect([routeName(route), res.text]).toEqual([routeName(route), expect.stringContaining('送信された内容を処理できませんでした（400）')]);
  expect(res.text).not.toContain('エラー番号');
}

test('the upload pages are among the POST routes tried', () => {
  const posts = routes.filter((r) => r.method === 'post').map((r) => r.path);
  for (const spec of IMPORT_KINDS) expect(posts).toContain(spec.path);
});

test('a multipart body without a boundary, or cut short, is a 400 with the Japanese page on every POST route, never a 500', async () => {
  const posts = routes.filter((r) => r.method === 'post');
  expect(posts.length).toBeGreaterThan(20);
  for (const route of posts) {
    const { agent, token } = sessions.get(roleFor(route))!;
    const url = sampleUrl(route, '1');
    const noBoundary = await agent.post(url).set('Content-Type', 'multipart/form-data').send(`_csrf=${token}`);
    expectRefused(route, noBoundary);
    const cut = await agent.post(url).set('Content-Type', `multipart/form-data; boundary=${BOUNDARY}`).send(truncated(token));
    expectRefused(route, cut);
  }
  expect(logged.filter((l) => l.level >= 50)).toEqual([]);
}, ENUMERATION_TIMEOUT);
