/**
 * Debian's chromium through playwright-core (never a downloaded browser), and a session that
 * runs axe on every page a journey visits: each navigation is followed by a check, and a page
 * left unchecked fails the journey.
 */
import { afterAll, afterEach, beforeAll } from '@jest/globals';
import { Browser, BrowserContext, chromium, Page, Response } from 'playwright-core';
import { axeViolations, formatViolations } from './axe';
import type { SeedResult } from './seed-data';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

export function e2eTarget(): { baseUrl: string; seed: SeedResult } {
  const baseUrl = process.env.KK_E2E_BASE_URL;
  const seed = process.env.KK_E2E_SEED;
  if (!baseUrl || !seed) throw new Error('run the journeys with npm run test:e2e (its global setup starts the server)');
  return { baseUrl, seed: JSON.parse(seed) as SeedResult };
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Opens a path, checks the page; returns the response (its status). */
  visit(path: string, page?: Page): Promise<Response>;
  /** Runs an action that navigates (a submit, a link), waits for the new page, checks it. */
  navigate(action: () => Promise<unknown>, page?: Page): Promise<Response>;
  /** axe on the page as it is now; throws with every violation listed. */
  check(page?: Page): Promise<void>;
  /** Throws if a page loaded since its last check was never checked. */
  assertAllChecked(): void;
  close(): Promise<void>;
}

/** The office PC the pages are made for: a 1366×768 screen. */
export const OFFICE_VIEWPORT = { width: 1366, height: 768 };

export interface SessionOptions {
  /** The window's size; by default the office PC's (playwright's own default is 1280×720). */
  viewport?: { width: number; height: number };
  /** Keep the app's CSP (scripts must run under its nonce); any violation fails the next check. */
  strictCsp?: boolean;
  /** false: a browser with script turned off (the pages must work without it). */
  javaScript?: boolean;
}

export async function newSession(browser: Browser, baseUrl: string, options: SessionOptions = {}): Promise<Session> {
  // bypassCSP by default, as before axe ran through the protocol; strictCsp keeps the app's CSP (tests only).
  const context = await browser.newContext({
    baseURL: baseUrl, bypassCSP: !options.strictCsp, javaScriptEnabled: options.javaScript ?? true,
    acceptDownloads: true, locale: 'ja-JP', timezoneId: 'Asia/Tokyo', viewport: options.viewport ?? OFFICE_VIEWPORT,
  });
  const unchecked = new Map<Page, string>();
  const missed: string[] = [];
  const refused: string[] = [];
  const track = (p: Page) => {
    p.on('load', () => {
      if (p.url() === 'about:blank') return;
      const previous = unchecked.get(p);
      if (previous) missed.push(previous);
      unchecked.set(p, p.url());
    });
    p.on('console', (m) => { if (/Content Security Policy/.test(m.text())) refused.push(`${p.url()}: ${m.text()}`); });
  };
  context.on('page', track);
  const page = await context.newPage();

  // Without script axe cannot run in the page itself: it runs on a copy in a scripting page of
  // the same origin, with the <noscript> parts shown as the script-less browser shows them.
  let mirror: BrowserContext | undefined;
  const axeTarget = async (p: Page): Promise<Page> => {
    if (options.javaScript !== false) return p;
    mirror ??= await browser.newContext({ baseURL: baseUrl, bypassCSP: true, locale: 'ja-JP', viewport: options.viewport ?? OFFICE_VIEWPORT });
    const copy = mirror.pages()[0] ?? (await mirror.newPage());
    await copy.goto('/healthz');
    await copy.setContent((await p.content()).replace(/<\/?noscript>/g, ''), { waitUntil: 'load' });
    return copy;
  };

  const check = async (p: Page = page) => {
    if (refused.length > 0) throw new Error(`the page's CSP refused something:\n${refused.join('\n')}`);
    const violations = await axeViolations(await axeTarget(p));
    unchecked.delete(p);
    if (violations.length > 0) throw new Error(formatViolations(p.url(), violations));
  };
  const navigate = async (action: () => Promise<unknown>, p: Page = page) => {
    const navigation = p.waitForNavigation();
    // the action's own failure (a link that is not there) says more than the navigation's timeout
    await action().catch((err: unknown) => {
      navigation.catch(() => undefined);
      throw err;
    });
    const response = await navigation;
    if (!response) throw new Error('no response for the navigation');
    await check(p);
    return response;
  };
  return {
    context, page, check, navigate,
    visit: async (path, p = page) => {
      const response = await p.goto(path);
      if (!response) throw new Error(`no response for ${path}`);
      await check(p);
      return response;
    },
    assertAllChecked: () => {
      const left = [...missed, ...unchecked.values()];
      if (left.length > 0) throw new Error(`pages never checked with axe: ${left.join(', ')}`);
    },
    close: async () => {
      await context.close();
      await mirror?.close();
    },
  };
}

/**
 * The browser of a test file and the sessions its tests open: the browser starts before the
 * file's tests and stops after them; each session is closed after its test, and a page it
 * loaded but never checked with axe fails that test.
 *
 *   const browser = useBrowserSessions();
 *   test('…', async () => { const s = await browser.open(); await s.visit('/'); });
 */
export function useBrowserSessions(): { open(options?: SessionOptions): Promise<Session> } {
  let browser: Browser | undefined;
  const opened: Session[] = [];
  beforeAll(async () => { browser = await launchBrowser(); });
  afterAll(async () => { await browser?.close(); });
  afterEach(async () => {
    const sessions = opened.splice(0);
    for (const s of sessions) await s.close();
    for (const s of sessions) s.assertAllChecked();
  });
  return {
    open: async (options?: SessionOptions) => {
      if (!browser) throw new Error('open sessions inside a test: the browser starts in beforeAll');
      const s = await newSession(browser, e2eTarget().baseUrl, options);
      opened.push(s);
      return s;
    },
  };
}
