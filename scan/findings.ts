/** One line of the summary: a finding fails the scan, a warning is listed for a person to read. */
export interface Finding {
  scanner: 'wapiti' | 'sqlmap' | 'scan';
  category: string;
  method?: string;
  path?: string;
  parameter?: string;
  info: string;
  /** The request that showed it (wapiti's http_request, sqlmap's payload), for the report. */
  evidence?: string;
}

export interface ScannerOutcome {
  name: string;
  seconds: number;
  findings: Finding[];
  warnings: Finding[];
  /** Findings a named rule checked and set aside, with the reason (listed, never silent). */
  accepted: { finding: Finding; reason: string }[];
  notes: string[];
}

export const emptyOutcome = (name: string): ScannerOutcome =>
  ({ name, seconds: 0, findings: [], warnings: [], accepted: [], notes: [] });

export function describe(f: Finding): string {
  const where = [f.method, f.path].filter(Boolean).join(' ');
  const param = f.parameter ? ` [${f.parameter}]` : '';
  return `${f.scanner}: ${f.category}${where ? ` — ${where}` : ''}${param}: ${f.info}`;
}
