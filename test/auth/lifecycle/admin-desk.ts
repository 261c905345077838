/**
 * What an administrator does for a new colleague, on the admin screens of a signed-in browser:
 * creates the user at /admin/users and reads the one-time password the page shows, resets a
 * password, and chooses on /admin/masters/settings which roles must use a second factor.
 */
import { Role } from '../../../src/policy';
import { BootstrappedApp, FIRST_ADMIN } from './bootstrapped-app';
import { Browser, saysOf, unescapeHtml } from './browser';
import { MAX_REDIRECTS, Person, signIn } from './person';

const WARD = '東区';

function oneTimePasswordOn(b: Browser): string {
  const m = b.shown.html.match(/<p class="one-time-password"><strong>([^<]+)<\/strong>/);
  if (!m) throw new Error(`no one-time password on ${b.shown.path}: ${saysOf(b.shown.html)}`);
  return unescapeHtml(m[1]);
}

function expectRedirect(b: Browser, to: RegExp, what: string): string {
  const at = b.shown.location;
  if (at === null || !to.test(at)) throw new Error(`${what}: ${b.shown.status} ${saysOf(b.shown.html)}`);
  return at;
}

export class AdminDesk {
  constructor(private readonly b: Browser) {}

  /** A new user with a generated one-time password, as the page shows it once. */
  async createUser(role: Role, username: string): Promise<Person> {
    const form = await this.b.open('/admin/users/new');
    const ward = role === 'ward' ? form.html.match(new RegExp(`<option value="(\\d+)"[^>]*>${WARD}</option>`))?.[1] : '';
    if (ward === undefined) throw new Error(`${WARD} is not offered on the user form`);
    await this.b.submit('/admin/users', { username, display_name: `利用者 ${username}`, role, ward_id: ward, password: '' });
    const at = expectRedirect(this.b, /^\/admin\/users\/\d+$/, `creating ${username}`);
    await this.b.settle();
    return { id: Number(at.split('/').pop()), username, role, password: oneTimePasswordOn(this.b), secret: null };
  }

  /** 「パスワードを再設定」: the person gets a new one-time password (their second factor stays). */
  async resetPassword(who: Person): Promise<void> {
    await this.b.open(`/admin/users/${who.id}`);
    await this.b.submit(`/admin/users/${who.id}/reset-password`);
    expectRedirect(this.b, new RegExp(`^/admin/users/${who.id}$`), `resetting ${who.username}'s password`);
    await this.b.settle();
    who.password = oneTimePasswordOn(this.b);
  }

  /** 「二段階認証を再設定」: the authenticator and recovery codes are gone; the person enrols again if required. */
  async resetTwoFactor(who: Person): Promise<void> {
    await this.b.open(`/admin/users/${who.id}`);
    await this.b.submit(`/admin/users/${who.id}/reset-two-factor`);
    expectRedirect(this.b, new RegExp(`^/admin/users/${who.id}$`), `resetting ${who.username}'s second factor`);
    await this.b.settle();
    who.secret = null;
  }

  /** Ticks exactly these roles under 「二段階認証を必須とする役割」 and saves. */
  async requireTwoFactor(roles: Role[]): Promise<void> {
    await this.b.open('/admin/masters/settings');
    await this.b.submit('/admin/masters/settings/two-factor', { required_roles: roles });
    expectRedirect(this.b, /^\/admin\/masters\/settings$/, 'saving the two-factor roles');
    const page = await this.b.settle();
    const ticked = [...page.html.matchAll(/name="required_roles"[^>]*? value="(\w+)"[^>]*?( checked)?>/g)].filter((m) => m[2]).map((m) => m[1]);
    if (ticked.sort().join() !== [...roles].sort().join()) throw new Error(`settings show ${ticked} required, not ${roles}`);
  }
}

/** The first administrator gets in as on a fresh install; returns their admin screens. */
export async function firstAdministrator(t: BootstrappedApp): Promise<AdminDesk> {
  expect(t.printed).toEqual([]); // the password came from INITIAL_ADMIN_PASSWORD: nothing to print
  const b = new Browser(t.app);
  // (id 0: nobody resets the first administrator here)
  const admin: Person = { id: 0, username: FIRST_ADMIN.username, role: 'admin', password: FIRST_ADMIN.password, secret: null };
  const j = await signIn(b, admin, t.clock);
  expect({ pages: j.pages, stoppedAt: j.stoppedAt }).toEqual({
    pages: ['/account/password', '/account/two-factor', '/account/two-factor/recovery-codes', '/'],
    stoppedAt: expect.stringMatching(/^200 \/:/),
  });
  expect(j.redirects).toBeLessThanOrEqual(MAX_REDIRECTS);
  expect(j.recoveryCodes).toHaveLength(10);
  expect((await b.open('/admin/users')).status).toBe(200);
  return new AdminDesk(b);
}
