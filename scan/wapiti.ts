import fs from 'node:fs';
import path from 'node:path';
import { emptyOutcome, ScannerOutcome } from './findings';
import { run } from './proc';
import { readWapitiReport } from './wapiti-report';

/**
 * The modules the issue names, exactly (never ssrf: it calls an outside endpoint), in runs:
 * the crawl with the quick checks, then the heavy attacks one run each (permanentxss needs xss
 * in its run). Every run shares one stored session, so the last report holds everything.
 */
export const WAPITI_PLAN: readonly (readonly string[])[] = [
  ['http_headers', 'cookieflags', 'csp', 'csrf', 'methods', 'crlf', 'redirect', 'backup'],
  ['sql'], ['blindsql'], ['exec'], ['file'], ['xss', 'permanentxss'],
];

/**
 * Seconds. The time left is shared among the modules still to run. wapiti checks a module's time
 * only between the pages it attacks (all payloads on all fields of one form come first), so a
 * module can overrun its share by ~20 s: the budget leaves room for the last one, and a run is
 * stopped only GRACE past its share.
 */
const BUDGET = 255;
const CRAWL = 50;
const MODULE_CAP = 60;
/** A run's start-up (Python, loading the stored crawl). */
const RUN_OVERHEAD = 4;
const GRACE = 35;

/**
 * Paths that would end the scan user's session or change the user itself, and the admin pages
 * staff may not open. Enforced by the TLS proxy (wapiti 3.0.4's -x crashes on Python 3.11).
 * The router ignores case and a trailing slash, and so does this.
 */
export const WAPITI_EXCLUDE = /^\/(?:logout|account|admin)(?:\/|$)/i;

export interface WapitiInput {
  base: string;
  cookie: { name: string; value: string; secure: boolean };
  /** Pages to start from besides the home page (records, edit forms). */
  starts: string[];
  reportsDir: string;
  workDir: string;
  say(line: string): void;
  plan?: readonly (readonly string[])[];
}

/** wapiti's JSON cookie file: host → path → name. */
function writeCookieFile(file: string, host: string, c: WapitiInput['cookie']): void {
  const cookie = { value: c.value, expires: null, secure: c.secure, port: null, version: 0 };
  fs.writeFileSync(file, JSON.stringify({ [host]: { '/': { [c.name]: cookie } } }));
}

export async function runWapiti(o: WapitiInput): Promise<ScannerOutcome> {
  const outcome = emptyOutcome('wapiti');
  const plan = o.plan ?? WAPITI_PLAN;
  const cookieFile = path.join(o.workDir, 'wapiti-cookies.json');
  writeCookieFile(cookieFile, new URL(o.base).hostname, o.cookie);
  const report = path.join(o.reportsDir, 'wapiti.json');
  fs.rmSync(report, { force: true });
  // wapiti loads every module, and the unused wapp module downloads its database from GitHub
  // when its config folder has none: an empty one keeps the scan off the network.
  const configDir = path.join(o.workDir, 'wapiti-config');
  fs.mkdirSync(configDir, { recursive: true });
  fs.writeFileSync(path.join(configDir, 'apps.json'), '{}');
  const common = [
    '-u', `${o.base}/`, '--scope', 'folder', '-c', cookieFile, ...o.starts.flatMap((p) => ['-s', o.base + p]),
    '--max-files-per-dir', '10', '--max-links-per-page', '40', '-t', '10',
    '--store-session', path.join(o.workDir, 'wapiti-session'), '--store-config', configDir,
    '--no-bugreport', '--verify-ssl', '0', '-v', '1', '-f', 'json', '-o', report,
  ];
  const started = Date.now();
  for (const [i, modules] of plan.entries()) {
    const left = BUDGET - (Date.now() - started) / 1000 - RUN_OVERHEAD * (plan.length - i) - (i === 0 ? CRAWL : 0);
    const perModule = Math.floor(Math.min(MODULE_CAP, left / plan.slice(i).flat().length));
    if (perModule < 5) {
      outcome.findings.push({ scanner: 'scan', category: '未完了 / incomplete', info: `wapiti ${modules.join(', ')}: 時間枠が残っていないため実行しませんでした` });
      continue;
    }
    const first = i === 0 ? ['--flush-session', '--max-scan-time', String(CRAWL)] : ['--skip-crawl'];
    const limit = (i === 0 ? CRAWL : 0) + perModule * modules.length + RUN_OVERHEAD + GRACE;
    const r = await run('wapiti', [...common, ...first, '-m', modules.join(','), '--max-attack-time', String(perModule)], {
      logFile: path.join(o.reportsDir, 'wapiti.log'), timeoutMs: limit * 1000,
    });
    o.say(`  wapiti ${i === 0 ? 'crawl + ' : ''}${modules.join(', ')}: ${r.seconds.toFixed(1)}秒 (≤ ${perModule}秒/module)`);
    outcome.notes.push(`${modules.join(',')}: ${r.seconds.toFixed(1)} s, exit ${r.code}`);
    if (r.timedOut || r.code !== 0) {
      outcome.findings.push({ scanner: 'scan', category: '未完了 / incomplete', info: `wapiti ${modules.join(', ')}: ${r.timedOut ? `${limit}秒で停止` : `exit ${r.code}`}（reports/wapiti.log）` });
    }
  }
  outcome.seconds = (Date.now() - started) / 1000;
  if (!fs.existsSync(report)) {
    outcome.findings.push({ scanner: 'scan', category: '報告なし / no report', info: 'wapiti の報告がありません（reports/wapiti.log）' });
    return outcome;
  }
  readWapitiReport(report, WAPITI_EXCLUDE, outcome);
  return outcome;
}
