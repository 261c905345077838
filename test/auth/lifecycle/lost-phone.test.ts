/**
 * What the README tells a manager who lost their phone, on the real routes only: a recovery code
 * kept from enrolment opens the code step once; then an administrator presses
 * 「二段階認証を再設定」 and the manager registers the new phone at the next sign-in.
 */
import { AdminDesk, firstAdministrator } from './admin-desk';
import { useBootstrappedApp } from './bootstrapped-app';
import { Browser } from './browser';
import { MAX_REDIRECTS, signIn, signOut } from './person';

const t = useBootstrappedApp();

test('a manager without their phone: a recovery code once, then the administrator resets the second factor and the manager enrols again', async () => {
  const desk: AdminDesk = await firstAdministrator(t);
  const who = await desk.createUser('manager', 'center.lost');
  const first = await signIn(new Browser(t.app), who, t.clock);
  expect(first.pages).toEqual(['/account/password', '/account/two-factor', '/account/two-factor/recovery-codes', '/']);
  const oldSecret = who.secret;

  // The phone is gone: one of the recovery codes at the code step.
  const b = new Browser(t.app);
  await b.open('/login');
  await b.submit('/login', { username: who.username, password: who.password });
  expect(b.shown.location).toBe('/login/two-factor');
  await b.settle();
  await b.submit('/login/two-factor', { code: first.recoveryCodes[3] });
  expect(b.shown.location).toBe('/');
  expect((await b.settle()).status).toBe(200);
  await signOut(b);

  // The same recovery code again is refused.
  await b.open('/login');
  await b.submit('/login', { username: who.username, password: who.password });
  await b.settle();
  expect((await b.submit('/login/two-factor', { code: first.recoveryCodes[3] })).status).toBe(401);

  // The administrator resets the second factor; the manager registers the new phone.
  await desk.resetTwoFactor(who);
  const again = await signIn(new Browser(t.app), who, t.clock);
  expect(again.pages).toEqual(['/account/two-factor', '/account/two-factor/recovery-codes', '/']);
  expect(again.redirects).toBeLessThanOrEqual(MAX_REDIRECTS);
  expect(again.recoveryCodes).toHaveLength(10);
  expect(again.recoveryCodes).not.toContain(first.recoveryCodes[0]);
  expect(who.secret).not.toBe(oldSecret);
  expect((await signIn(new Browser(t.app), who, t.clock)).pages).toEqual(['/login/two-factor', '/']);
});
