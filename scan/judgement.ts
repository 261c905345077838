import { csrfOf, Reply, ScanClient } from './client';
import type { Finding } from './findings';

/**
 * A wapiti "vulnerability" shown false in this very run: set aside only while the check
 * against the app holds. Keep this list short; every use is printed in the summary.
 */
interface AcceptRule {
  category: string;
  info: RegExp;
  reason: string;
  holds(f: Finding, probe: { home: Reply; client: ScanClient }): Promise<boolean>;
}

const RULES: AcceptRule[] = [
  {
    category: 'HTTP Secure Headers',
    info: /^X-XSS-Protection is not set$/,
    reason: 'X-XSS-Protection: 0 is sent on purpose (helmet, OWASP): browsers removed their XSS auditor, which itself '
      + 'leaked data, and the nonce CSP blocks injected scripts; wapiti 3.0.4 accepts only "1". Checked: the header is 0 and the CSP has a nonce.',
    holds: async (_f, { home }) => home.headers.get('x-xss-protection') === '0'
      && /script-src 'self' 'nonce-[^']+'/.test(home.headers.get('content-security-policy') ?? ''),
  },
  {
    category: 'Cross Site Request Forgery',
    info: /is not properly checked in backend$/,
    reason: 'wapiti 3.0.4 sends every field of a multipart form as a file part (the _csrf too), so the app refuses its '
      + 'original and its altered request alike before reading the token. Checked: a well-formed upload with a wrong '
      + 'token gets 403 and the same upload with the right token does not.',
    holds: async (f, { client }) => {
      if (!f.path || !f.evidence?.includes('multipart/form-data')) return false;
      const token = csrfOf((await client.request('GET', f.path)).text);
      const wrong = await client.upload(f.path, { _csrf: 'f'.repeat(token.length || 64) });
      const right = await client.upload(f.path, { _csrf: token });
      return Boolean(token) && wrong === 403 && right !== 403;
    },
  },
];

export async function judge(findings: Finding[], client: ScanClient) {
  const probe = { home: await client.request('GET', '/'), client };
  const kept: Finding[] = [];
  const accepted: { finding: Finding; reason: string }[] = [];
  for (const f of findings) {
    let rule: AcceptRule | undefined;
    for (const r of RULES) if (r.category === f.category && r.info.test(f.info) && await r.holds(f, probe)) rule = r;
    if (rule) accepted.push({ finding: f, reason: rule.reason });
    else kept.push(f);
  }
  return { findings: kept, accepted };
}
