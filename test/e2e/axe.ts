/**
 * axe-core (tags wcag2a and wcag2aa, the success criteria JIS X 8341-3:2016 adopts) in a page.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const AXE_TAGS = ['wcag2a', 'wcag2aa'];

interface AxeNode { target: unknown[]; html: string; failureSummary?: string }
export interface AxeViolation { id: string; impact: string | null; help: string; helpUrl: string; nodes: AxeNode[] }

/**
 * The violations in the page as it is now. KK_E2E_AXE_INCOMPLETE=1 also prints what axe could
 * not decide ("needs review", e.g. contrast over an image), which never fails a journey.
 * axe is evaluated through the DevTools protocol, which the page's CSP does not govern, so this
 * works in a session that keeps the app's CSP as well.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(`${AXE_SOURCE}\n;undefined`);
  const { violations, incomplete } = await page.evaluate(async (tags) => {
    type Results = { violations: AxeViolation[]; incomplete: AxeViolation[] };
    const axe = (globalThis as unknown as { axe: { run(o: object): Promise<Results> } }).axe;
    const result = await axe.run({ runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    const plain = (list: AxeViolation[]) => list.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
    }));
    return { violations: plain(result.violations), incomplete: plain(result.incomplete) };
  }, AXE_TAGS);
  if (process.env.KK_E2E_AXE_INCOMPLETE === '1' && incomplete.length > 0) {
    process.stderr.write(`${formatViolations(page.url(), incomplete).replace('violation(s)', 'item(s) to review')}\n`);
  }
  return violations;
}

/** One block per rule: what is wrong, where (selector and markup), and how axe says to fix it. */
export function formatViolations(url: string, violations: AxeViolation[]): string {
  const lines = [`${violations.length} accessibility violation(s) (axe ${AXE_TAGS.join(', ')}) on ${url}:`];
  for (const v of violations) {
    lines.push('', `● ${v.id} [${v.impact ?? 'n/a'}] ${v.help}`, `  ${v.helpUrl}`);
    for (const n of v.nodes.slice(0, 10)) {
      lines.push(`  - ${n.target.join(' ')}`, `    ${n.html.slice(0, 200)}`);
      if (n.failureSummary) lines.push(...n.failureSummary.split('\n').map((s) => `      ${s}`));
    }
    if (v.nodes.length > 10) lines.push(`  … and ${v.nodes.length - 10} more`);
  }
  return lines.join('\n');
}
