import 'dotenv/config';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Knex } from 'knex';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/knex';
import { migrate } from '../src/db/migrate';
import { systemClock } from '../src/clock';
import { createLogger } from '../src/logger';
import { createApp } from '../src/app';
import { fiscalYearOf, todayIso } from '../src/lib/dates';
import { ListFilters } from '../src/features/consultations/consultations-list';
import { cleanUp, ensurePetitions, pickSamples, prepareUsers } from './fixtures';
import { BenchClient } from './http-client';
import { measureLogin } from './login-burst';
import { appGet, measurePages, measureThroughput } from './pages';
import { bareApp, listen } from './servers';
import { measureSessions } from './sessions-load';
import { writeReport } from './report';

const SESSIONS = 50;
const count = async (db: Knex, table: string) => Number((await db(table).count({ n: '*' }))[0].n);

/**
 * `npm run bench`: the app against same-run baselines on the configured database (DATABASE_URL,
 * else DATA_DIR), bounded to about five minutes; writes this engine's section of docs/benchmarks.md.
 */
async function main(): Promise<void> {
  const started = performance.now();
  const load0 = os.loadavg()[0];
  const progress = (s: string) => process.stdout.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(3)}秒] ${s}\n`);
  // As deployed: NODE_ENV=production turns Express's template cache on (read when an app is created).
  process.env.NODE_ENV = 'production';
  const env = { ...process.env, SESSION_SECRET: process.env.SESSION_SECRET || crypto.randomBytes(32).toString('hex') };
  const config = { ...loadConfig(env), logLevel: 'silent' };
  const database = await openDatabase(config);
  const db = database.db;
  await migrate(db);
  const consultations = await count(db, 'consultations');
  if (consultations < 10_000) progress('注意: データが少量です。先に npm run seed:volume を実行してください。');
  const today = todayIso(new Date());
  const fy = fiscalYearOf(today) - 1;
  progress('準備: 市長申立て・ベンチ用アカウント');
  const petitions = await ensurePetitions(db, today);
  const users = await prepareUsers(db, SESSIONS);
  const samples = await pickSamples(db);
  const wardIds = (await db('wards').orderBy(['sort_order', 'id']).pluck('id')).map(Number);
  const { app } = createApp({ db, config, clock: systemClock, log: createLogger('silent') });
  const appServer = await listen(app);
  const filters: ListFilters = { fy, month: null, category: null, ward: wardIds[0], method: null, consultee: null, staff: null, due: false, q: '' };
  const wardUser = { id: users.ward.id, role: 'ward' as const, ward_id: users.ward.wardId };
  const bare = await listen(bareApp({ db, today, filters, actorId: users.main.id, wardUser }));
  let removed = 0;
  try {
    const client = new BenchClient(appServer.url);
    await client.login(users.main.username, users.main.password);
    const ward = new BenchClient(appServer.url);
    await ward.login(users.ward.username, users.ward.password);
    const listPath = `/consultations?fy=${fy}&ward=${wardIds[0]}`;
    const setup = { db, client, ward, app: appServer.url, bare: bare.url, fy, listPath, personId: samples.person.id, progress };
    const rows = await measurePages(setup);
    const throughput = await measureThroughput(setup);
    const probe = appGet(client, listPath);
    const login = await measureLogin(db, appServer.url, probe, '相談一覧画面（年度と区で絞り込み、ログイン済み）', users.staff, progress);
    const journey = { fy: fy + 1, wards: wardIds, method: samples.method, category: samples.category, persons: samples.persons, today };
    const sessions = await measureSessions(appServer.url, bare.url, users.staff, journey, probe, progress);
    progress('後片付け');
    await appServer.idle();
    await bare.idle();
    removed = await cleanUp(db, users);
    writeReport(path.resolve(__dirname, '../docs/benchmarks.md'), {
      engine: database.engine, node: process.version, cpus: os.cpus().length, loadavg: [load0, os.loadavg()[0]],
      seconds: (performance.now() - started) / 1000, persons: await count(db, 'persons'), consultations: await count(db, 'consultations'),
      petitions, wardPetitions: Number((await db('petitions').where({ ward_id: users.ward.wardId }).count({ n: '*' }))[0].n),
      fy, person: samples.person, rows, throughput, login, sessions, removed,
    });
    progress(fs.readFileSync(path.resolve(__dirname, '../docs/benchmarks.md'), 'utf8'));
  } finally {
    if (!removed) {
      await Promise.race([Promise.all([appServer.idle(), bare.idle()]), new Promise((r) => setTimeout(r, 10_000))]);
      await cleanUp(db, users).catch(() => 0);
    }
    await appServer.close();
    await bare.close();
    await database.close();
  }
}

main().catch((e) => {
  process.stderr.write(`ベンチマーク失敗: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
