/**
 * Several instances on one PostgreSQL database: started at the same moment on an empty
 * database they all serve, and the schema, master data and initial administrator exist once.
 * A session made on one instance is good on another.
 */
import { emptyPgTarget, ENGINE, freshTarget, Target, withDb } from './ops-targets';
import { killChildren, note, startServers, stopServer } from './ops-processes';
import { healthz, MIGRATION_FILES, startupFacts, tableCounts } from './ops-startup';
import { Client } from './ops-http';
import { csrfFrom } from '../helpers/agent';
import { makeUser, TEST_PASSWORD } from '../helpers/factories';

const INSTANCES = 3;
const BANNER = '初期管理者を作成しました';

if (ENGINE !== 'pg') note('instances test SKIPPED: it runs on PostgreSQL only (PGlite is one process by design; set TEST_DATABASE_URL, as `npm run test:pg` does)');
const maybe = ENGINE === 'pg' ? describe : describe.skip;

jest.setTimeout(300_000);

maybe(`several instances on one database (PostgreSQL)${ENGINE === 'pg' ? '' : ' SKIPPED: PostgreSQL only'}`, () => {
  const targets: Target[] = [];
  const target = async (make: () => Promise<Target>) => { const t = await make(); targets.push(t); return t; };
  afterAll(async () => {
    killChildren();
    for (const t of targets) await t.dispose();
  });

  test(`${INSTANCES} servers started at once on an empty database all serve; migrations, master data and one admin exist once; ${INSTANCES} more start on it`, async () => {
    const reference = await withDb(await target(freshTarget), tableCounts); // migrated by one process alone
    const db = await target(emptyPgTarget);
    const env = { ...db.env, INITIAL_ADMIN_PASSWORD: '' }; // generated and printed by whoever creates the admin
    let t = Date.now();
    let servers = await startServers(INSTANCES, env);
    const coldMs = Date.now() - t;
    expect(await healthz(servers)).toEqual(servers.map(() => 200));

    const facts = await withDb(db, startupFacts);
    expect(facts.migrations).toBe(MIGRATION_FILES);
    expect(facts.lockRows).toEqual([{ is_locked: 0 }]);
    expect(facts.users).toEqual([{ username: 'admin', role: 'admin' }]);
    expect(facts.userCreates).toBe(1);
    expect(facts.counts).toEqual({ ...reference, users: 1, audit_log: 1 });
    const printed = servers.filter((s) => s.output().includes(BANNER));
    expect(printed).toHaveLength(1);
    // The printed password signs in on another instance (and is sent to change it, as on first login).
    const password = /パスワード password: (\S+)/.exec(printed[0].output())![1];
    const other = new Client(servers.find((s) => s !== printed[0])!.port);
    const signIn = await other.post('/login', { username: 'admin', password });
    expect([signIn.status, signIn.location]).toEqual([303, '/account/password']);

    expect(await Promise.all(servers.map(stopServer))).toEqual(servers.map(() => 0));
    t = Date.now();
    servers = await startServers(INSTANCES, env);
    const warmMs = Date.now() - t;
    expect(await healthz(servers)).toEqual(servers.map(() => 200));
    expect(servers.filter((s) => s.output().includes(BANNER))).toEqual([]);
    const after = await withDb(db, startupFacts);
    expect(after).toEqual({ ...facts, counts: { ...facts.counts, sessions: after.counts.sessions, audit_log: after.counts.audit_log } });
    expect(await Promise.all(servers.map(stopServer))).toEqual(servers.map(() => 0));
    note(`instances: ${INSTANCES} servers on an empty database listening after ${coldMs} ms; ${INSTANCES} on the migrated one after ${warmMs} ms`);
  });

  test('a session made by signing in on instance A works on instance B (its CSRF token too)', async () => {
    const db = await target(freshTarget);
    const staff = await withDb(db, (k) => makeUser(k, { role: 'staff', username: 'ops-staff' }));
    const [a, b] = await startServers(2, db.env);
    const client = new Client(a.port);
    await client.login('ops-staff'); // the login form on A, with A's CSRF token

    client.port = b.port;
    const home = await client.get('/');
    expect(home.status).toBe(200);
    expect(home.body).toContain('テスト ops-staff');

    client.port = a.port;
    const token = csrfFrom((await client.get('/')).body);
    client.port = b.port;
    const out = await client.request('POST', '/logout', { _csrf: token });
    expect([out.status, out.location]).toEqual([303, '/login']);
    expect(Number((await withDb(db, (k) => k('sessions').where({ user_id: staff.id }).count({ n: '*' })))[0].n)).toBe(0);
  });

  test('twelve parallel wrong logins split over two instances: exactly five passwords are checked', async () => {
    const db = await target(freshTarget);
    const victim = await withDb(db, (k) => makeUser(k, { role: 'staff', username: 'ops-victim' }));
    const [a, b] = await startServers(2, db.env);
    const clients = Array.from({ length: 12 }, (_, i) => new Client(i % 2 ? b.port : a.port));
    const pages = await Promise.all(clients.map((c) => c.get('/login')));
    const results = await Promise.all(clients.map((c, i) => c.request('POST', '/login', { username: 'ops-victim', password: 'wrong-password-x', _csrf: csrfFrom(pages[i].body) })));
    expect(results.map((r) => r.status)).toEqual(results.map(() => 401));
    const failures = await withDb(db, (k) => k('audit_log').where({ actor_id: victim.id, action: 'login.failure' }).count({ n: '*' }));
    expect(Number(failures[0].n)).toBe(5);
    const right = await new Client(b.port).post('/login', { username: 'ops-victim', password: TEST_PASSWORD });
    expect(right.status).toBe(401);
  });
});
