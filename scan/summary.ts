import fs from 'node:fs';
import { describe, Finding, ScannerOutcome } from './findings';
import type { Traffic } from './tls-proxy';

export interface ScanSummary {
  date: string;
  engine: string;
  versions: Record<string, string>;
  outcomes: (ScannerOutcome & { traffic: Traffic })[];
  /** "unhandled error" lines the app logged during the scan. */
  appErrors: number;
  totalSeconds: number;
}

/** Same kind of entry on many records (/persons/12/merge, /persons/40/merge …) → one line with a count. */
function grouped(list: Finding[]): string[] {
  const groups = new Map<string, { f: Finding; n: number }>();
  for (const f of list) {
    const key = [f.scanner, f.category, f.method, f.path?.replace(/\/\d+(?=\/|$)/g, '/:id'), f.parameter].join('|');
    const g = groups.get(key);
    if (g) g.n++;
    else groups.set(key, { f: { ...f, path: f.path?.replace(/\/\d+(?=\/|$)/g, '/:id') }, n: 1 });
  }
  return [...groups.values()].map(({ f, n }) => `${describe(f)}${n > 1 ? `  (×${n})` : ''}`);
}

export const failed = (s: ScanSummary) => s.outcomes.some((o) => o.findings.length > 0);

export function printSummary(s: ScanSummary, say: (line: string) => void): void {
  say('');
  say('== セキュリティ検査の結果 / security scan summary');
  say(`データベース ${s.engine}、アプリは NODE_ENV=production・HTTPS プロキシ経由（TRUST_PROXY=true）`);
  for (const o of s.outcomes) {
    const statuses = Object.entries(o.traffic.byStatus).map(([k, v]) => `${k}:${v}`).join(' ');
    say(`${o.name} ${s.versions[o.name] ?? ''}: ${o.seconds.toFixed(1)}秒, ${o.traffic.requests} requests (${statuses}; blocked ${o.traffic.blocked}; _form dropped ${o.traffic.formTokensDropped}), `
      + `findings ${o.findings.length}, warnings ${o.warnings.length}, accepted ${o.accepted.length}`);
  }
  for (const o of s.outcomes) {
    const top = Object.entries(o.traffic.refused).sort((a, b) => b[1] - a[1]).slice(0, 5).map(([k, n]) => `${k} ×${n}`);
    if (top.length) say(`  ${o.name} 403: ${top.join(', ')}`);
  }
  const all = (k: 'findings' | 'warnings') => s.outcomes.flatMap((o) => o[k]);
  const findings = grouped(all('findings'));
  say('');
  say(findings.length ? `検出 / FINDINGS (${all('findings').length}):` : '検出なし / no findings');
  findings.forEach((l) => say(`  ✗ ${l}`));
  const warnings = grouped(all('warnings'));
  if (warnings.length) {
    say(`警告 / warnings (${all('warnings').length}) — 失敗にはしません、読んで判断してください:`);
    warnings.forEach((l) => say(`  ! ${l}`));
  }
  for (const o of s.outcomes) for (const a of o.accepted) say(`  ✓ 受け入れ済み / accepted: ${describe(a.finding)} — ${a.reason}`);
  const errors = s.outcomes.flatMap((o) => Object.entries(o.traffic.serverErrors).map(([k, e]) => `${o.name}: ${k} ×${e.n}（例 ${e.example}）`));
  if (errors.length) {
    say(`5xx の応答 / 5xx answers (アプリのログに unhandled error ${s.appErrors} 件、reports/scan-app.log):`);
    errors.forEach((l) => say(`  - ${l}`));
  }
  say(`合計 ${s.totalSeconds.toFixed(0)}秒。報告: reports/scan-summary.json, reports/wapiti.json, reports/wapiti.log, reports/sqlmap/, reports/scan-app.log`);
}

export function writeSummary(file: string, s: ScanSummary): void {
  fs.writeFileSync(file, `${JSON.stringify({ ...s, failed: failed(s) }, null, 2)}\n`);
}
