/** The checks the journeys rely on can fail: axe reports a broken page, an unchecked page is noticed. */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { e2eTarget, launchBrowser, newSession } from './browser';

let browser: Browser;
const { baseUrl } = e2eTarget();

beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

const BROKEN = '<!doctype html><html><head><title>x</title></head><body><main>'
  + '<img src="/x.png"><input id="a" name="a"><p style="color:#ccc;background:#fff">薄い文字</p><div id="d"></div><div id="d"></div>'
  + '</main></body></html>';

test('the accessibility check fails on a page with violations and names each rule and element', async () => {
  const s = await newSession(browser, baseUrl);
  try {
    await s.page.route('**/__broken', (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: BROKEN }));
    const error = await s.visit('/__broken').then(() => null, (e: Error) => e);
    expect(error?.message).toMatch(/violation\(s\).*\/__broken/);
    for (const rule of ['image-alt', 'label', 'color-contrast']) expect(error?.message).toContain(`● ${rule} `);
    expect(error?.message).toContain('<img src="/x.png">');
  } finally {
    await s.close();
  }
});

test('a page loaded and never checked fails the journey', async () => {
  const s = await newSession(browser, baseUrl);
  try {
    await s.page.goto('/login'); // not through visit(): no check
    expect(() => s.assertAllChecked()).toThrow(/never checked with axe: .*\/login/);
    await s.check();
    expect(() => s.assertAllChecked()).not.toThrow();
  } finally {
    await s.close();
  }
});
