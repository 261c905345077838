import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApp, AppProcess } from './app-process';
import { ScanClient } from './client';
import { createScanDatabase, ScanDatabase } from './database';
import { judge } from './judgement';
import { activeChildren, stopGroup, stopping } from './proc';
import { selfTest } from './self-test';
import { runSqlmap, prepareForm } from './sqlmap';
import { failed, printSummary, ScanSummary, writeSummary } from './summary';
import { sqlmapTargets } from './targets';
import { startTlsProxy, TlsProxy } from './tls-proxy';
import { ensureTools, versionOf } from './tools';
import { runWapiti, WAPITI_EXCLUDE } from './wapiti';

const ROOT = path.resolve(__dirname, '..');
const REPORTS = path.join(ROOT, 'reports');
const say = (line: string) => process.stdout.write(`${line}\n`);

/** Everything started is stopped and the temporary data deleted, whatever happened. */
const stack: (() => Promise<void>)[] = [];
let cleaning: Promise<void> | null = null;
let interrupted = false;
/** Once, however many callers (the end of the scan, a signal) ask for it. */
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    stopping.now = true;
    await Promise.all([...activeChildren].map((c) => stopGroup(c)));
    while (stack.length) await stack.pop()!().catch((e) => say(`後始末の失敗 / cleanup failed: ${(e as Error).message}`));
  })();
  return cleaning;
}

/** A temporary folder (certificate, wapiti's session and cookie file), deleted by the cleanup. */
function workDir(): string {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-scan-work-'));
  stack.push(async () => fs.rmSync(work, { recursive: true, force: true }));
  return work;
}

async function scan(started: number): Promise<ScanSummary> {
  ensureTools(say);
  fs.mkdirSync(REPORTS, { recursive: true });
  const work = workDir();
  const appLog = path.join(REPORTS, 'scan-app.log');
  for (const f of ['wapiti.json', 'wapiti.log', 'scan-summary.json', 'scan-app.log']) fs.rmSync(path.join(REPORTS, f), { force: true });

  say('== 自己診断 / self-test: both scanners must report a deliberately vulnerable page');
  if (!(await selfTest(REPORTS, work, say))) throw new Error('自己診断に失敗: スキャナーか報告の読み取りが穴を見逃しています (reports/self-test/)');

  say('== 検査用データベース / fresh database with demo data (200 persons, 2,000 consultations)');
  const db: ScanDatabase = await createScanDatabase(process.env.DATABASE_URL);
  stack.push(() => db.dispose());
  say('== アプリ起動 / starting the app on 127.0.0.1 behind a local HTTPS proxy');
  const app: AppProcess = await startApp(db.env, appLog);
  stack.push(() => app.stop());
  const proxy: TlsProxy = await startTlsProxy(app.port, work);
  stack.push(() => proxy.close());
  const staff = new ScanClient(app.url);
  const manager = new ScanClient(app.url);
  await staff.login(db.users.staff);
  await manager.login(db.users.manager);
  const targets = sqlmapTargets(db.samples);
  // A petition to crawl (its stages, relatives and documents forms); the volume has none.
  const petition = await prepareForm(targets.find((t) => t.name === 'petition-create')!, staff);
  const starts = ['/persons/new', `/persons/${db.samples.p.id}/edit`, `/consultations/new?person_id=${db.samples.p.id}`,
    `/consultations/${db.samples.c.id}/edit`, '/consultations/import', '/petitions/import', ...(petition.baseline === 303 ? [petition.location] : [])];

  say('== wapiti');
  const wTraffic = proxy.startPhase(WAPITI_EXCLUDE);
  const [name, ...rest] = staff.cookie.split('=');
  const w = await runWapiti({ base: proxy.url, cookie: { name, value: rest.join('='), secure: staff.flags().secure }, starts, reportsDir: REPORTS, workDir: work, say });
  const judged = app.exited() ? { findings: w.findings, accepted: [] } : await judge(w.findings, staff);
  const wapiti = { ...w, ...judged, accepted: [...w.accepted, ...judged.accepted], traffic: wTraffic };
  if (wTraffic.toLogin > 0) wapiti.findings.push({ scanner: 'scan', category: 'session', info: `wapiti が ${wTraffic.toLogin} 回ログイン画面へ戻されました（検査の一部は未ログイン）` });
  const appEnded = (phase: string) => ({ scanner: 'scan' as const, category: 'app', info: `アプリが ${phase} の間に終了しました (${app.exited()})。reports/scan-app.log を見てください` });
  if (app.exited()) wapiti.findings.unshift(appEnded('wapiti'));
  else {
    await staff.assertSignedIn().catch((e: Error) => wapiti.findings.push({ scanner: 'scan', category: 'session', info: `wapiti の後でセッションが切れています: ${e.message}` }));
  }

  say('== sqlmap');
  const sqlmap = await runSqlmap({ proxy, appUrl: app.url, sessions: { staff, manager }, targets, reportsDir: REPORTS, say, appExited: app.exited });
  if (app.exited() && !wapiti.findings.some((f) => f.category === 'app')) sqlmap.findings.unshift(appEnded('sqlmap'));
  const appErrors = fs.readFileSync(appLog, 'utf8').split('\n').filter((l) => l.includes('"unhandled error"')).length;
  return {
    date: new Date().toISOString(), engine: db.engine, versions: { wapiti: versionOf('wapiti'), sqlmap: versionOf('sqlmap') },
    outcomes: [wapiti, sqlmap], appErrors, totalSeconds: (Date.now() - started) / 1000,
  };
}

/** `npm run scan`: wapiti and sqlmap against the app with demo data; fails on any finding. */
async function main(): Promise<number> {
  const started = Date.now();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      interrupted = true;
      say(`${signal}: 後始末中 / cleaning up`);
      void cleanUp().then(() => process.exit(130));
    });
  }
  try {
    if (process.argv.includes('--self-test')) {
      ensureTools(say);
      return (await selfTest(REPORTS, workDir(), say)) ? 0 : 1;
    }
    const summary = await scan(started);
    writeSummary(path.join(REPORTS, 'scan-summary.json'), summary);
    printSummary(summary, say);
    return failed(summary) ? 1 : 0;
  } finally {
    await cleanUp();
  }
}

main().then((code) => process.exit(code), (e) => {
  if (interrupted) return; // the signal handler exits once everything is cleaned up
  process.stderr.write(`検査失敗 / scan failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(2);
});
