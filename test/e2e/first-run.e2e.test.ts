/**
 * Issue 13, in a browser: a brand-new install, started as an operator starts it, and its first
 * two people. The administrator signs in with the one-time password the server printed,
 * chooses a password, registers the authenticator app from the secret on the page, keeps the
 * recovery codes and reaches home; creates a manager, whose one-time password the page shows;
 * the manager, in a second browser, goes the same way to the dashboard. axe checks every page
 * (no violation), at 1366×768. Its own server (not the journeys' seeded one): run alone with
 * `npm run test:e2e -- test/e2e/first-run.e2e.test.ts`, on PostgreSQL with TEST_DATABASE_URL set.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { totpCode } from '../../src/auth/totp';
import { launchBrowser, newSession, Session } from './browser';
import { FirstRunServer, startFirstRunServer } from './first-run-server';
import { expectAt } from './login';

const VIEWPORT = { width: 1366, height: 768 };
const MANAGER = { username: 'center.chou', name: '熊本 センター長' };

let server: FirstRunServer;
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startFirstRunServer();
}, 120_000);
afterAll(async () => {
  if (process.env.E2E_LOG_LEVEL) process.stderr.write(server?.output() ?? '');
  await browser?.close();
  await server?.stop();
});

/** Clicks the button or link with this name and checks the page it leads to. */
const press = (s: Session, role: 'button' | 'link', name: string) => s.navigate(() => s.page.getByRole(role, { name, exact: true }).click());

/**
 * From the login form to home, doing what each page asks: the one-time password, a new one,
 * the authenticator app (the code for the secret the page shows), the recovery codes.
 */
async function firstSignIn(s: Session, username: string, oneTime: string, password: string): Promise<void> {
  const { page } = s;
  await page.getByLabel(/^ユーザー名/).fill(username);
  await page.getByLabel(/^パスワード/).fill(oneTime);
  await press(s, 'button', 'ログイン');

  await expectAt(page, '/account/password');
  await expect(page.getByText('仮のパスワードでログインしています').isVisible()).resolves.toBe(true);
  await page.getByLabel(/^現在のパスワード/).fill(oneTime);
  await page.getByLabel(/^新しいパスワード(?!（)/).fill(password);
  await page.getByLabel(/^新しいパスワード（確認）/).fill(password);
  await press(s, 'button', '変更する');

  await expectAt(page, '/account/two-factor');
  await expect(page.getByRole('img', { name: /QRコード/ }).isVisible()).resolves.toBe(true);
  const secret = (await page.locator('#totp-secret').textContent())!.replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await page.getByLabel(/^確認コード/).fill(totpCode(secret, new Date()));
  await press(s, 'button', '確認して設定する');

  await expectAt(page, '/account/two-factor/recovery-codes');
  expect(await page.locator('.recovery-codes li').allTextContents()).toHaveLength(10);
  await press(s, 'link', 'ホームへ進む');
  await expectAt(page, '/');
}

test('a fresh install: the first administrator signs in, enrols, creates a manager, who signs in and enrols too', async () => {
  expect(server.admin.username).toBe('admin');
  expect(server.output()).toContain(process.env.TEST_DATABASE_URL ? '(pg)' : '(pglite)');
  const admin = await newSession(browser, server.baseUrl, { viewport: VIEWPORT });
  const manager = await newSession(browser, server.baseUrl, { viewport: VIEWPORT });
  try {
    // The address the operator was given: the login form.
    await admin.visit('/');
    await expectAt(admin.page, '/login');
    await firstSignIn(admin, server.admin.username, server.admin.password, 'Kumamoto-kanri-2026-haru!');
    expect(await admin.page.locator('.user-box').textContent()).toContain('システム管理者');

    await press(admin, 'link', 'ユーザー管理');
    await press(admin, 'link', 'ユーザーを追加');
    await expectAt(admin.page, '/admin/users/new');
    await admin.page.getByLabel(/^ユーザー名/).fill(MANAGER.username);
    await admin.page.getByLabel(/^表示名/).fill(MANAGER.name);
    await admin.page.getByLabel(/^役割/).selectOption('manager');
    await press(admin, 'button', '追加する');
    expect(new URL(admin.page.url()).pathname).toMatch(/^\/admin\/users\/\d+$/);
    const oneTime = (await admin.page.locator('.one-time-password strong').textContent())!.trim();
    expect(oneTime.length).toBeGreaterThanOrEqual(16);
    expect(await admin.page.getByText('未設定（この役割では必須：次回ログイン時に設定が必要）').count()).toBe(1);

    // The manager, at another PC.
    await manager.visit('/login');
    await firstSignIn(manager, MANAGER.username, oneTime, 'Center-chou-2026-natsu!');
    await expect(manager.page.getByRole('heading', { name: '今月・年度累計と前年同期' }).isVisible()).resolves.toBe(true);
    expect(await manager.page.locator('.user-box').textContent()).toContain(MANAGER.name);
  } finally {
    await admin.close();
    await manager.close();
  }
  admin.assertAllChecked();
  manager.assertAllChecked();
});
