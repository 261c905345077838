/**
 * A person signing in: types the name and password into the login form, then follows every
 * redirect and does what each page asks, as written on it — a new password, the code for the
 * secret the enrolment page shows, the code at the second step — and keeps the recovery codes.
 * Their "authenticator app" is the secret they read off the page; a code is computed for the
 * test clock after moving it one 30-second step on (the app refuses a step already used).
 */
import crypto from 'node:crypto';
import { fixedClock } from '../../../src/clock';
import { totpCode } from '../../../src/auth/totp';
import { Role } from '../../../src/policy';
import { codesFrom, secretFrom } from '../../features/two-factor/helpers';
import { Browser, saysOf } from './browser';

export type TestClock = ReturnType<typeof fixedClock>;

export interface Person {
  id: number;
  username: string;
  role: Role;
  /** Whatever password the person has now (the one-time one until they change it). */
  password: string;
  /** The secret their authenticator app holds, once they have enrolled. */
  secret: string | null;
}

export interface Journey {
  /** Each page the browser was sent to or led on to, in order, after the login form. */
  pages: string[];
  /** How many of those it reached by a redirect. */
  redirects: number;
  recoveryCodes: string[];
  /** Where it stopped and what that page says (when it is not where it should be). */
  stoppedAt: string;
}

/** The most redirects a sign-in may take to where the person is going (issue 13). */
export const MAX_REDIRECTS = 4;

/** More page loads than any sign-in needs: a loop shows as a list this long. */
const MAX_PAGES = 12;

export const newPassword = () => `Lc-${crypto.randomBytes(9).toString('base64url')}-2026`;

function nextCode(who: Person, clock: TestClock): string {
  if (!who.secret) throw new Error(`${who.username} is asked for a code but never enrolled`);
  clock.advance(30_000);
  return totpCode(who.secret, clock.now());
}

/** On the enrolment page: the secret goes into the "app", and its code back into the form. */
async function confirmSecret(b: Browser, who: Person, clock: TestClock): Promise<void> {
  who.secret = secretFrom(b.shown.html);
  await b.submit('/account/two-factor', { code: nextCode(who, clock) });
}

/** A second factor set up by choice, from 「二段階認証」 in the menu; returns the recovery codes shown. */
export async function enrolByChoice(b: Browser, who: Person, clock: TestClock): Promise<string[]> {
  await b.open('/account/two-factor');
  await confirmSecret(b, who, clock);
  if (b.shown.location !== '/account/two-factor/recovery-codes') throw new Error(`enrolment refused: ${saysOf(b.shown.html)}`);
  return codesFrom((await b.settle()).html);
}

/** Does what the shown page asks; false when it asks nothing (the person has arrived). */
async function answer(b: Browser, who: Person, clock: TestClock, journey: Journey): Promise<boolean> {
  const { path, status, html } = b.shown;
  if (status !== 200) return false;
  const page = path.split('?')[0];
  if (page === '/account/password' && html.includes('仮のパスワードでログインしています')) {
    const password = newPassword();
    await b.submit('/account/password', { current: who.password, password, confirm: password });
    if (b.shown.location !== null) who.password = password;
    return true;
  }
  if (page === '/account/two-factor' && html.includes('id="totp-secret"')) {
    await confirmSecret(b, who, clock);
    return true;
  }
  if (page === '/login/two-factor') {
    await b.submit('/login/two-factor', { code: nextCode(who, clock) });
    return true;
  }
  if (page === '/account/two-factor/recovery-codes') {
    journey.recoveryCodes = codesFrom(html);
    const onward = html.match(/<a class="button" href="([^"]*)"/)?.[1];
    if (!onward) return false;
    journey.pages.push(onward);
    await b.open(onward);
    return true;
  }
  return false;
}

/**
 * Signs in from the login form (or, with `asked`, by opening that page signed out and being
 * sent to the login form) and goes on until a page asks nothing more.
 */
export async function signIn(b: Browser, who: Person, clock: TestClock, asked?: string): Promise<Journey> {
  await b.open(asked ?? '/login');
  if (asked) {
    if (b.shown.location !== `/login?next=${encodeURIComponent(asked)}`) throw new Error(`${asked} did not send to the login form: ${b.shown.location}`);
    await b.settle();
  }
  await b.submit('/login', { username: who.username, password: who.password });
  const journey: Journey = { pages: [], redirects: 0, recoveryCodes: [], stoppedAt: '' };
  for (let loads = 0; loads < MAX_PAGES; loads++) {
    if (b.shown.location !== null) {
      journey.redirects++;
      journey.pages.push(b.shown.location);
      await b.open(b.shown.location);
    } else if (!(await answer(b, who, clock, journey))) {
      break;
    }
  }
  journey.stoppedAt = `${b.shown.status} ${b.shown.path}: ${saysOf(b.shown.html)}`;
  return journey;
}

/** The logout button every signed-in page has. */
export async function signOut(b: Browser): Promise<void> {
  await b.submit('/logout');
  if (b.shown.location !== '/login') throw new Error(`logout went to ${b.shown.location}`);
  await b.settle();
}
