import fs from 'node:fs';
import path from 'node:path';
import { ScanClient } from './client';
import { emptyOutcome, ScannerOutcome } from './findings';
import { dropFormToken } from './form-token';
import { harvestForm } from './forms';
import { run } from './proc';
import { readSqlmapOutput } from './sqlmap-output';
import type { SqlmapTarget } from './targets';
import { addTraffic, emptyTraffic, Traffic, TlsProxy } from './tls-proxy';

/** The whole sqlmap pass stops starting new targets past BUDGET; one target may take at most TARGET_LIMIT. */
const BUDGET_MS = 290_000;
const TARGET_LIMIT_MS = 120_000;
/** sqlmap's real-session exclusions: anything ending the session or changing the user. */
export const SQLMAP_EXCLUDE = /^\/(?:logout|account)(?:\/|$)/i;

export interface SqlmapInput {
  proxy: TlsProxy;
  appUrl: string;
  sessions: Record<'staff' | 'manager', ScanClient>;
  targets: SqlmapTarget[];
  reportsDir: string;
  say(line: string): void;
  /** How the app ended, if it did (the remaining targets are then skipped). */
  appExited?: () => string | null;
}

/**
 * The form's own fields (as a browser would send them) with the target's values and the session's
 * CSRF token (one per session: csrf-sync keeps it until the next login), without the one-time
 * `_form` token (scan/form-token.ts); the baseline is posted once.
 */
export async function prepareForm(t: SqlmapTarget, client: ScanClient) {
  const page = await client.request('GET', t.form!.formPath);
  const harvested = harvestForm(page.text, t.path);
  if (!harvested) throw new Error(`${t.name}: ${t.form!.formPath} に action="${t.path}" のフォームがありません (${page.status})`);
  const fields = dropFormToken(harvested);
  for (const [k, v] of Object.entries(t.form!.overrides)) if (k in fields) fields[k] = v;
  const baseline = await client.request('POST', t.path, fields);
  return { fields, baseline: baseline.status, location: baseline.location };
}

function argsFor(t: SqlmapTarget, i: SqlmapInput, cookie: string, body: string | null): string[] {
  const base = i.proxy.url;
  return [
    '-u', base + t.path,
    // A form: the session's token goes with every request and is not itself tested; the created record's page is not followed.
    ...(body === null ? [] : ['--data', body, '--skip', '_csrf', '--ignore-redirects']),
    // A refused login answers 401, which sqlmap would otherwise take for HTTP authentication and stop.
    ...(t.as === 'anonymous' ? ['--ignore-code', '401'] : []),
    ...(cookie ? ['--cookie', cookie, '--drop-set-cookie'] : []),
    '--batch', '--answers', 'resend=N', '--dbms', 'PostgreSQL', '--level', '1', '--risk', '1',
    '--timeout', '10', '--retries', '1', '--flush-session', '--disable-coloring',
    '--output-dir', path.join(i.reportsDir, 'sqlmap'), '-v', '1',
  ];
}

export async function runSqlmap(i: SqlmapInput): Promise<ScannerOutcome & { traffic: Traffic }> {
  const outcome = { ...emptyOutcome('sqlmap'), traffic: emptyTraffic() };
  const dir = path.join(i.reportsDir, 'sqlmap');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const started = Date.now();
  for (const t of i.targets) {
    const left = BUDGET_MS - (Date.now() - started);
    if (left < 10_000) {
      outcome.findings.push({ scanner: 'scan', category: '時間切れ / timeout', path: t.path, info: `${t.name}: sqlmap の時間枠内に検査できませんでした` });
      continue;
    }
    const ended = i.appExited?.();
    if (ended) {
      outcome.findings.push({ scanner: 'scan', category: 'app', path: t.path, info: `${t.name}: アプリが終了しているため検査できません (${ended})` });
      continue;
    }
    const client = t.as === 'anonymous' ? new ScanClient(i.appUrl) : i.sessions[t.as];
    let body: string | null = null;
    if (t.form) {
      const prepared = await prepareForm(t, client).catch((e: Error) => e);
      if (prepared instanceof Error) {
        outcome.findings.push({ scanner: 'scan', category: 'baseline', path: t.path, info: `${t.name}: フォームを準備できません: ${prepared.message}` });
        continue;
      }
      const { fields, baseline } = prepared;
      body = new URLSearchParams(fields).toString();
      outcome.notes.push(`${t.name}: baseline POST → ${baseline}`);
      if (t.as !== 'anonymous' && baseline !== 303) {
        outcome.warnings.push({ scanner: 'scan', category: 'baseline', path: t.path, info: `${t.name}: 正しい値の送信が ${baseline}（保存まで届かない検査になりました）` });
      }
    }
    const traffic = i.proxy.startPhase(SQLMAP_EXCLUDE);
    const logFile = path.join(dir, `${t.name}.log`);
    const csv = path.join(dir, `${t.name}.csv`);
    const r = await run('sqlmap', [...argsFor(t, i, client.cookie, body), '--results-file', csv], { logFile, timeoutMs: Math.min(TARGET_LIMIT_MS, left) });
    const read = (f: string) => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : '');
    const { findings, warnings } = readSqlmapOutput(t.name, t.path.split('?')[0], read(logFile), read(csv));
    if ((traffic.byStatus[403] ?? 0) > traffic.requests / 2) {
      findings.push({ scanner: 'scan', category: 'CSRF token', path: t.path, info: `${t.name}: ${traffic.byStatus[403]} / ${traffic.requests} requests refused (403): the test did not reach the app's logic` });
    }
    if (r.timedOut) findings.push({ scanner: 'scan', category: '時間切れ / timeout', path: t.path, info: `${t.name}: sqlmap を止めました` });
    outcome.findings.push(...findings);
    outcome.warnings.push(...warnings);
    addTraffic(outcome.traffic, traffic);
    i.say(`  sqlmap ${t.name}: ${r.seconds.toFixed(1)}秒, ${traffic.requests} requests, ${findings.length ? `${findings.length} findings` : 'OK'}`);
  }
  // sqlmap also logs every injection point it confirms under <output>/<host>/log.
  const hostLog = path.join(dir, new URL(i.proxy.url).hostname, 'log');
  if (fs.existsSync(hostLog) && fs.statSync(hostLog).size > 0 && !outcome.findings.some((f) => f.category === 'SQL injection')) {
    outcome.findings.push({ scanner: 'sqlmap', category: 'SQL injection', info: `injection points in ${path.relative(i.reportsDir, hostLog)}`, evidence: fs.readFileSync(hostLog, 'utf8') });
  }
  outcome.seconds = (Date.now() - started) / 1000;
  return outcome;
}
