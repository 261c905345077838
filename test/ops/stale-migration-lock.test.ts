/**
 * A start after a migration that died: SIGKILL while the migration lock is held, or the knex
 * lock row left locked (and doubled), must not stop the next start.
 */
import { emptyPgTarget, ENGINE, freshTarget, pgAdmin, Target, withDb } from './ops-targets';
import { freePort, killChildren, note, spawnServer, startServers, stopServer } from './ops-processes';
import { healthz, MIGRATION_FILES, startupFacts } from './ops-startup';

if (ENGINE !== 'pg') note('SIGKILL-while-migrating test SKIPPED: PostgreSQL only, as PGlite takes no advisory lock (one process opens its data directory); set TEST_DATABASE_URL, as `npm run test:pg` does');
const onPg = ENGINE === 'pg' ? test : test.skip;
/** Instances started together: PGlite's data directory admits one process. */
const INSTANCES = ENGINE === 'pg' ? 2 : 1;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

jest.setTimeout(300_000);

describe(`a start after a migration that died (${ENGINE})`, () => {
  const targets: Target[] = [];
  const target = async (make: () => Promise<Target>) => { const t = await make(); targets.push(t); return t; };
  afterAll(async () => {
    killChildren();
    for (const t of targets) await t.dispose();
  });

  test('knex lock row left locked, and doubled: the next start frees it and serves', async () => {
    const db = await target(freshTarget);
    await withDb(db, async (k) => {
      await k('knex_migrations_lock').update({ is_locked: 1 });
      await k('knex_migrations_lock').insert({ is_locked: 1 });
    });
    const servers = await startServers(INSTANCES, db.env);
    expect(await healthz(servers)).toEqual(servers.map(() => 200));
    expect(await Promise.all(servers.map(stopServer))).toEqual(servers.map(() => 0));
    const facts = await withDb(db, startupFacts);
    expect(facts.lockRows).toEqual([{ is_locked: 0 }]);
    expect(facts.migrations).toBe(MIGRATION_FILES);
  });

  onPg(`SIGKILL while migrating an empty database under the lock: the next 3 starts serve${ENGINE === 'pg' ? '' : ' SKIPPED: PostgreSQL only'}`, async () => {
    const db = await target(emptyPgTarget);
    const admin = pgAdmin();
    const lockHeld = async () => Number((await admin('pg_locks as l').join('pg_database as d', 'd.oid', 'l.database')
      .where({ 'l.locktype': 'advisory', 'l.granted': true, 'd.datname': db.dbName }).count({ n: '*' }))[0].n) > 0;
    const opened = await db.open();
    const migrating = async () => (await opened.db.raw("SELECT to_regclass('knex_migrations') IS NOT NULL AS t")).rows[0].t as boolean;
    try {
      const first = spawnServer(db.env, await freePort());
      const started = Date.now();
      while (!(await lockHeld() && await migrating())) {
        if (Date.now() - started > 120_000) throw new Error(`never saw the migration lock held:\n${first.output()}`);
        await sleep(5);
      }
      first.child.kill('SIGKILL');
      expect((await first.exited).signal).toBe('SIGKILL');
      const migratedBeforeKill = Number((await opened.db('knex_migrations').count({ n: '*' }))[0].n);
      note(`stale lock: killed ${Date.now() - started} ms after spawn, ${migratedBeforeKill} of ${MIGRATION_FILES} migrations committed`);
      expect(migratedBeforeKill).toBe(0); // killed in the middle: the migration batch is one transaction
    } finally {
      await opened.close();
      await admin.destroy();
    }

    const servers = await startServers(3, db.env);
    expect(await healthz(servers)).toEqual([200, 200, 200]);
    const facts = await withDb(db, startupFacts);
    expect(facts.migrations).toBe(MIGRATION_FILES);
    expect(facts.lockRows).toEqual([{ is_locked: 0 }]);
    expect(facts.users).toEqual([{ username: 'admin', role: 'admin' }]);
    expect(await Promise.all(servers.map(stopServer))).toEqual([0, 0, 0]);
  });
});
