import fs from 'node:fs';
import type { Finding, ScannerOutcome } from './findings';

type Entry = { method: string; path: string; info: string; parameter: string; http_request: string };
type Section = Record<string, Entry[]>;

function entries(section: Section | undefined): Finding[] {
  return Object.entries(section ?? {}).flatMap(([category, list]) => list.map((e) => ({
    scanner: 'wapiti' as const, category, method: e.method, path: e.path, parameter: e.parameter || undefined, info: e.info, evidence: e.http_request,
  })));
}

/**
 * wapiti's JSON report: every entry of "vulnerabilities" is a finding, "anomalies" (500s,
 * timeouts while attacking) and "additionals" are warnings. An entry on a path the scan kept
 * from the app (`excluded`) judged the proxy's refusal, not the app: listed as accepted.
 */
export function readWapitiReport(file: string, excluded: RegExp, into: ScannerOutcome): void {
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as { vulnerabilities?: Section; anomalies?: Section; additionals?: Section };
  for (const f of entries(raw.vulnerabilities)) {
    if (f.path && excluded.test(f.path)) into.accepted.push({ finding: f, reason: 'never reached the app: the scan excludes this path, so wapiti judged the proxy\'s 404' });
    else into.findings.push(f);
  }
  into.warnings.push(...entries(raw.anomalies), ...entries(raw.additionals));
}
