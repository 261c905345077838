/**
 * A record page as Ctrl+P prints it (issue 14, item 9): the record only, no form, button or menu;
 * headings kept with what follows; the record's name, number and print date on each page.
 */
import { expect } from '@jest/globals';
import type { Page } from 'playwright-core';
import { pdfPages } from '../lib/table/fixtures';

/** Visible elements of the kinds that must not print. */
export const shownControls = (page: Page): Promise<string[]> => page.evaluate(() => {
  const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<{ getClientRects(): ArrayLike<unknown>; outerHTML: string }> } }).document;
  return Array.from(doc.querySelectorAll('form, button, input, select, textarea, nav, details > summary, a.button, .site-header'))
    .filter((e) => e.getClientRects().length > 0).map((e) => e.outerHTML.slice(0, 80));
});

/**
 * Prints the page (as the browser does, to PDF) and checks it against `header` (the record's
 * name and number) and at most `maxPages` pages; returns the text of each page.
 */
export async function expectPrintsAsRecord(page: Page, header: string, maxPages: number): Promise<string[]> {
  const headings = (await page.locator('main h2, main h3').allTextContents()).map((t) => t.trim());
  await page.emulateMedia({ media: 'print' });
  try {
    expect(await shownControls(page)).toEqual([]);
    expect(await page.locator('.print-header').textContent()).toContain(header);
  } finally {
    await page.emulateMedia({ media: null });
  }

  const texts = pdfPages(await page.pdf({ preferCSSPageSize: true }));
  expect(texts.length).toBeLessThanOrEqual(maxPages);
  for (const [i, text] of texts.entries()) {
    expect([i, text.includes(header), /印刷日 令和\d+年\d+月\d+日/.test(text)]).toEqual([i, true, true]);
    const lines = text.split('\n').map((l) => l.trim()).filter((l) => l && !l.includes('印刷日'));
    // a page never ends on a heading whose table or list went to the next page
    if (i < texts.length - 1) expect([i, headings.includes(lines[lines.length - 1])]).toEqual([i, false]);
  }
  const all = texts.join('\n');
  for (const control of ['ログアウト', '本文へ移動', 'このページの内容', '記録する', '編集', '削除']) expect([control, all.includes(control)]).toEqual([control, false]);
  return texts;
}
