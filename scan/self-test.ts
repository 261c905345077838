import fs from 'node:fs';
import path from 'node:path';
import { ScanClient } from './client';
import { describe } from './findings';
import { runSqlmap } from './sqlmap';
import { startTlsProxy } from './tls-proxy';
import { runWapiti } from './wapiti';
import { startVulnerableFixture } from './vulnerable-fixture';

/**
 * `npm run scan -- --self-test`: both scanners against a deliberately vulnerable page, through
 * the same runners and report readers as the real scan. Passes only if each hole is reported.
 */
export async function selfTest(reportsDir: string, workDir: string, say: (line: string) => void): Promise<boolean> {
  const dir = path.join(reportsDir, 'self-test');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const work = fs.mkdtempSync(path.join(workDir, 'self-test-'));
  const fixture = await startVulnerableFixture();
  const proxy = await startTlsProxy(fixture.port, work);
  try {
    proxy.startPhase();
    const w = await runWapiti({
      base: proxy.url, cookie: { name: 'none', value: 'none', secure: true }, starts: ['/items?q=apple'],
      reportsDir: dir, workDir: work, say, plan: [['xss', 'sql']],
    });
    const s = await runSqlmap({
      proxy, appUrl: `http://127.0.0.1:${fixture.port}`, sessions: { staff: new ScanClient(''), manager: new ScanClient('') },
      targets: [{ name: 'fixture', as: 'anonymous', path: '/items?q=apple' }], reportsDir: dir, say,
    });
    const expected: [string, boolean][] = [
      ['wapiti: Cross Site Scripting', w.findings.some((f) => f.category === 'Cross Site Scripting' && f.parameter === 'q')],
      ['wapiti: SQL Injection', w.findings.some((f) => f.category === 'SQL Injection' && f.parameter === 'q')],
      ['sqlmap: SQL injection', s.findings.some((f) => f.category === 'SQL injection' && f.parameter === 'q')],
    ];
    [...w.findings, ...s.findings].forEach((f) => say(`  ${describe(f)}`));
    expected.forEach(([what, seen]) => say(`${seen ? '✓' : '✗'} ${what} ${seen ? 'reported' : 'NOT reported'}`));
    return expected.every(([, seen]) => seen);
  } finally {
    await proxy.close();
    await fixture.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}
