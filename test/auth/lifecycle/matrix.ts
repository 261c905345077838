/**
 * Issue 13: on a fresh install the first administrator could not sign in (a redirect loop
 * between the password change and the two-factor enrolment), and no test noticed, because
 * every test made its users with helpers that skip the steps a real account goes through.
 *
 * Here every account lives its real life, on the real routes only: the first administrator
 * comes from the app's own bootstrap; every other user is created on /admin/users, reads the
 * one-time password off the page, changes it, enrols with the secret the page shows (or not),
 * and has a password reset by the administrator, as the case needs. Then they sign in with the
 * login form, follow every redirect, do what each page asks, and must reach home — or the page
 * they asked for — within 4 redirects, for every role × one-time password × second factor
 * required × enrolled. Two test files run the two destinations side by side.
 */
import { ROLES, Role } from '../../../src/policy';
import { AdminDesk, firstAdministrator } from './admin-desk';
import { BootstrappedApp, useBootstrappedApp } from './bootstrapped-app';
import { Browser } from './browser';
import { enrolByChoice, MAX_REDIRECTS, Person, signIn, signOut } from './person';

/** A page each role may open; also the page a user asks for at login (/login?next=…). */
const ROLE_PAGE: Record<Role, string> = { admin: '/admin/users', staff: '/persons', ward: '/petitions', manager: '/reports' };

interface Case { role: Role; temporary: boolean; required: boolean; enrolled: boolean }

// Every combination can happen: a user may enrol without being required to, and an enrolled
// user whose password an administrator resets has a one-time password again.
const CASES: Case[] = ROLES.flatMap((role) => [true, false].flatMap((temporary) => [true, false].flatMap((required) =>
  [true, false].map((enrolled) => ({ role, temporary, required, enrolled })))));

const yesNo = (b: boolean) => (b ? 'yes' : 'no');
const title = (c: Case) => `${c.role}: one-time password ${yesNo(c.temporary)}, second factor required ${yesNo(c.required)}, enrolled ${yesNo(c.enrolled)}`;

/** The pages a sign-in must pass, in this order, to `dest`. */
const expectedPages = (c: Case, dest: string) => [
  ...(c.enrolled ? ['/login/two-factor'] : []),
  ...(c.temporary ? ['/account/password'] : []),
  ...(c.required && !c.enrolled ? ['/account/two-factor', '/account/two-factor/recovery-codes'] : []),
  dest,
];

let made = 0;
/** A new user brought to the case's state through the screens, then the role's requirement set. */
async function prepare(t: BootstrappedApp, desk: AdminDesk, c: Case): Promise<Person> {
  await desk.requireTwoFactor([]); // while preparing, nobody is held at the enrolment page
  const who = await desk.createUser(c.role, `${c.role}.lc${++made}`);
  if (!c.temporary || c.enrolled) {
    const b = new Browser(t.app);
    expect((await signIn(b, who, t.clock)).pages).toEqual(['/account/password', '/']);
    if (c.enrolled) expect(await enrolByChoice(b, who, t.clock)).toHaveLength(10);
    await signOut(b);
    if (c.temporary) await desk.resetPassword(who);
  }
  await desk.requireTwoFactor(c.required ? [c.role] : []);
  return who;
}

/** The file's tests: the first administrator, then every case signing in to home or to its role's page. */
export function lifecycleMatrix(asking: boolean): void {
  const t = useBootstrappedApp();
  let desk: AdminDesk | undefined;

  test('the first administrator, as the app creates it: new password, enrolment, recovery codes, home', async () => {
    desk = await firstAdministrator(t);
  });

  test.each(CASES.map((c) => [title(c), c] as const))('%s', async (_title, c) => {
    if (!desk) throw new Error('the first administrator never got in');
    const who = await prepare(t, desk, c);
    const dest = asking ? ROLE_PAGE[c.role] : '/';
    const b = new Browser(t.app);
    const j = await signIn(b, who, t.clock, asking ? dest : undefined);
    expect({ pages: j.pages, stoppedAt: j.stoppedAt }).toEqual({ pages: expectedPages(c, dest), stoppedAt: expect.stringMatching(new RegExp(`^200 ${dest}:`)) });
    expect(j.redirects).toBeLessThanOrEqual(MAX_REDIRECTS);
    expect(j.recoveryCodes).toHaveLength(c.required && !c.enrolled ? 10 : 0);
    // Then the rest of the app is open: the role's page (or home, after the page asked for).
    expect((await b.open(asking ? '/' : ROLE_PAGE[c.role])).status).toBe(200);

    // Settled: the next sign-in asks for nothing but an enrolled user's code.
    await signOut(b);
    const again = await signIn(new Browser(t.app), who, t.clock);
    expect(again.pages).toEqual([...(c.enrolled || c.required ? ['/login/two-factor'] : []), '/']);
  });
}
