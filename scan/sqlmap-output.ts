import type { Finding } from './findings';

const NOT_INJECTABLE = 'all tested parameters do not appear to be injectable';

/**
 * What one sqlmap run said, from its console output (sqlmap exits 0 with findings):
 * an injectable parameter or an injection point is a finding; a heuristic "might be" and
 * HTTP 5xx during the run are warnings; a run that did not finish its tests is a finding.
 */
export function readSqlmapOutput(target: string, path: string, out: string, resultsCsv: string) {
  const findings: Finding[] = [];
  const warnings: Finding[] = [];
  const at = (parameter: string | undefined, info: string, category: string, evidence?: string): Finding =>
    ({ scanner: 'sqlmap', category, path, parameter, info: `${target}: ${info}`, evidence });
  const points = /sqlmap identified the following injection point\(s\)[^\n]*\n---\n([\s\S]*?)\n---/.exec(out)?.[1];
  for (const m of out.matchAll(/(\w+) parameter '([^']+)' (?:is|appears to be) '([^']+)' injectable/g)) {
    findings.push(at(m[2], `${m[1]} parameter is injectable (${m[3]})`, 'SQL injection', points));
  }
  if (points && findings.length === 0) findings.push(at(undefined, 'injection point identified', 'SQL injection', points));
  // The CSV results file (Target URL, Place, Parameter, Technique(s), Note(s)): a second, structured witness.
  const rows = resultsCsv.split(/\r?\n/).slice(1).filter((l) => l.trim());
  if (rows.length && findings.length === 0) rows.forEach((row) => findings.push(at(row.split(',')[2], `results file: ${row}`, 'SQL injection')));
  for (const m of out.matchAll(/heuristic \((\w+)\) test shows that (\w+) parameter '([^']+)' might be ([^\n]+)/g)) {
    warnings.push(at(m[3], `heuristic (${m[1]}): ${m[2]} parameter might be ${m[4].trim()}`, 'heuristic'));
  }
  // 400/401 are the app refusing bad input (its design); a 5xx is worth a look.
  const codes = /HTTP error codes detected during run:\s*\n?([^\n]+)/.exec(out)?.[1] ?? '';
  if (/\b5\d\d \(/.test(codes)) warnings.push(at(undefined, `HTTP error codes during the run: ${codes.trim()}`, 'HTTP errors'));
  const critical = [...out.matchAll(/\[CRITICAL\] ([^\n]+)/g)].map((m) => m[1]).filter((l) => !l.startsWith(NOT_INJECTABLE));
  const finished = out.includes(NOT_INJECTABLE) || Boolean(points);
  if (!finished || critical.length) {
    findings.push(at(undefined, `did not finish its tests${critical.length ? `: ${critical.join(' / ')}` : ''}`, 'scan incomplete'));
  }
  return { findings, warnings };
}
