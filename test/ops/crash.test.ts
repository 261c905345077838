/**
 * Crash: the real server on PostgreSQL is killed with SIGKILL while a stream of creates is
 * being acknowledged. After the restarts every acknowledged record exists, and nothing
 * half-written or unasked-for does.
 */
import { ENGINE, freshTarget, Target, withDb } from './ops-targets';
import { freePort, killChildren, ServerProcess, startServer, note } from './ops-processes';
import { Client } from './ops-http';
import { fillOffice, leafCategory } from './ops-fill';
import { FIELD_ORDER } from '../../src/features/consultations/consultations-schema';

const KILLS = 3;
const WRITERS = 4;
/** Creates acknowledged by each server before it is killed (then a random 0–300 ms more, so kills land mid-request). */
const ACKS_PER_RUN = 25;

if (ENGINE !== 'pg') note('crash test SKIPPED: it runs on PostgreSQL only (set TEST_DATABASE_URL, as `npm run test:pg` and .ci/run do)');
const maybe = ENGINE === 'pg' ? describe : describe.skip;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(done: () => boolean, limitMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!done()) {
    if (Date.now() - start > limitMs) throw new Error('creates stopped being acknowledged');
    await sleep(10);
  }
}

jest.setTimeout(90_000);

maybe(`SIGKILL during a stream of creates (PostgreSQL)${ENGINE === 'pg' ? '' : ' SKIPPED: PostgreSQL only'}`, () => {
  let target: Target;
  afterAll(async () => {
    killChildren();
    await target?.dispose();
  });

  test(`${KILLS} kills: every acknowledged create survives, nothing half-written appears`, async () => {
    const started = Date.now();
    target = await freshTarget();
    const { staffId } = await withDb(target, (db) => fillOffice(db, 0));
    const category = await withDb(target, leafCategory);
    const port = await freePort();
    let server: ServerProcess = await startServer(target.env, port);
    const client = new Client(port);
    await client.login('ops-staff');
    const token = /name="_csrf" value="([^"]+)"/.exec((await client.get('/consultations/new')).body)![1];

    // As a browser sends the form: every field, blank unless typed in.
    const blank = Object.fromEntries(FIELD_ORDER.filter((f) => f !== 'version').map((f) => [f, '']));
    const acked = new Map<number, number>(); // request number → id from Location
    const cutOff = new Set<number>(); // sent, but the connection died: either outcome is allowed
    const refused = new Set<number>(); // the server was down: never received, must not exist
    const unexpected: string[] = [];
    let seq = 0;
    let running = true;
    const writer = async () => {
      while (running) {
        const n = ++seq;
        const form = { ...blank, consulted_on: '2025-04-01', category_id: String(category), staff_id: String(staffId), content: `crash-${n}`, _csrf: token };
        try {
          const res = await client.request('POST', '/consultations', form);
          const id = res.status === 303 ? /^\/consultations\/(\d+)$/.exec(res.location ?? '')?.[1] : undefined;
          if (id) acked.set(n, Number(id));
          else unexpected.push(`#${n}: ${res.status} ${res.location ?? ''} ${/<li><a href[^\n]*/.exec(res.body)?.[0] ?? ''}`);
        } catch (e) {
          ((e as NodeJS.ErrnoException).code === 'ECONNREFUSED' ? refused : cutOff).add(n);
          await sleep(20); // the server is down: try again shortly
        }
      }
    };
    const writers = Array.from({ length: WRITERS }, writer);

    const kills: { ackedBefore: number; restartMs: number }[] = [];
    for (let k = 0; k < KILLS; k++) {
      const base = acked.size;
      await until(() => acked.size >= base + ACKS_PER_RUN);
      await sleep(Math.random() * 300);
      server.child.kill('SIGKILL');
      const exit = await server.exited;
      expect(exit.signal).toBe('SIGKILL');
      const t = Date.now();
      server = await startServer(target.env, port);
      kills.push({ ackedBefore: acked.size, restartMs: Date.now() - t });
    }
    const base = acked.size;
    await until(() => acked.size >= base + ACKS_PER_RUN);
    running = false;
    await Promise.all(writers);
    server.child.kill('SIGTERM');
    expect((await server.exited).code).toBe(0);

    const { rows, orphanAudits } = await withDb(target, async (db) => ({
      rows: await db('consultations as c').orderBy('c.id').select('c.id', 'c.content', 'c.consulted_on', 'c.category_id', 'c.staff_id',
        'c.created_by', 'c.version', db.raw("EXISTS (SELECT 1 FROM audit_log a WHERE a.action = 'consultation.create' AND a.record_id = c.id::text) AS audited")),
      orphanAudits: await db('audit_log').where({ action: 'consultation.create' })
        .whereNotExists(db('consultations').whereRaw('consultations.id::text = audit_log.record_id')).count({ n: '*' }),
    }));

    const requestOf = (r: { content: string | null }) => Number(/^crash-(\d+)$/.exec(r.content ?? '')?.[1]);
    const byRequest = new Map(rows.map((r) => [requestOf(r), r]));
    const lostAcks = [...acked].filter(([n, id]) => byRequest.get(n)?.id !== id);
    const strangers = rows.filter((r) => !acked.has(requestOf(r)) && !cutOff.has(requestOf(r)));
    const halfWritten = rows.filter((r) => !r.audited || r.consulted_on !== '2025-04-01' || r.category_id !== category
      || r.staff_id !== staffId || r.created_by !== staffId || r.version !== 1);

    note([
      `crash test: ${KILLS} SIGKILLs, ${seq} creates sent by ${WRITERS} writers, ${acked.size} acknowledged (303),`,
      `${cutOff.size} in flight when killed (${rows.length - acked.size} of them committed), ${refused.size} refused while down;`,
      `acknowledged before each kill: ${kills.map((k) => k.ackedBefore).join(' / ')}; restarts took ${kills.map((k) => k.restartMs).join(' / ')} ms;`,
      `whole test ${((Date.now() - started) / 1000).toFixed(1)} s`,
    ].join(' '));

    expect(unexpected).toEqual([]);
    expect(kills.every((k, i) => k.ackedBefore > (i === 0 ? 0 : kills[i - 1].ackedBefore))).toBe(true); // creates went on after every restart
    expect(acked.size).toBeGreaterThan(kills[KILLS - 1].ackedBefore);
    expect(lostAcks).toEqual([]);
    expect(strangers).toEqual([]);
    expect(halfWritten).toEqual([]);
    expect(byRequest.size).toBe(rows.length); // no request stored twice
    expect(orphanAudits).toEqual([{ n: 0 }]);
  });
});
