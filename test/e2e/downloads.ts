/** Files behind links, as a user gets them: the file, its name and the type the server sent it as. */
import fs from 'node:fs';
import type { Page } from 'playwright-core';

export interface Downloaded {
  filename: string;
  contentType: string;
  body: Buffer;
}

const hrefOf = async (page: Page, name: string) =>
  new URL((await page.getByRole('link', { name, exact: true }).getAttribute('href'))!, page.url()).href;

/**
 * Clicks the link with this name and waits for the file it downloads. A download raises no
 * response event (nor passes a route), so the type the server sends is asked for with HEAD.
 */
export async function downloadLink(page: Page, name: string): Promise<Downloaded> {
  const href = await hrefOf(page, name);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name, exact: true }).click()]);
  const head = await page.request.head(href);
  if (!head.ok()) throw new Error(`${name}: HEAD ${head.status()}`);
  return { filename: download.suggestedFilename(), contentType: head.headers()['content-type'] ?? '', body: fs.readFileSync((await download.path())!) };
}

/**
 * A file the browser shows in its own viewer rather than downloading (an inline PDF): fetched
 * with the session's cookies, since the viewer is no page to read or to check with axe.
 */
export async function openedFile(page: Page, name: string): Promise<Downloaded> {
  const response = await page.request.get(await hrefOf(page, name));
  if (!response.ok()) throw new Error(`${name}: ${response.status()}`);
  const disposition = response.headers()['content-disposition'] ?? '';
  return {
    filename: decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? ''),
    contentType: response.headers()['content-type'] ?? '',
    body: await response.body(),
  };
}
