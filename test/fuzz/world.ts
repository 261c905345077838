/**
 * The world the fuzz and crawl tests run in: one user per role, sessions that are logged in again
 * when a request ended them, and fresh records (fixtures.ts) to put into a route's :params.
 */
import request from 'supertest';
import { Knex } from 'knex';
import { Express } from 'express';
import { RouteSpec } from '../../src/http/routes';
import { can, Role, ROLES } from '../../src/policy';
import { REQUIRED_KEY_PREFIX } from '../../src/auth/two-factor-settings';
import { Agent, csrfFrom, loginAs } from '../helpers/agent';
import { makeUser, wardId } from '../helpers/factories';
import { Fixtures, makeFixtures } from './fixtures';

export type { Fixtures } from './fixtures';
export { foreignUrl, missingUrl, urlFor } from './fixtures';

export type Actor = Role | 'anonymous';

export interface Session { agent: Agent; token: string }

/** The roles policy.ts lets use a route ('anonymous' for public ones). */
export function allowedActors(route: RouteSpec): Actor[] {
  if (route.access === 'public') return ['anonymous'];
  return ROLES.filter((r) => can({ id: 1, role: r, ward_id: null }, route.access));
}

export interface World {
  users: Record<Role, { id: number; username: string; ward_id: number | null }>;
  /** A user with a second factor kept for the code step of login (its failures may lock it). */
  twoFactorUser: string;
  /** A ward other than the ward user's (西区). */
  otherWardId: number;
  /** A logged-in session for the role (logged in again if a request ended it) and its CSRF token. */
  session(actor: Actor): Promise<Session>;
  /** Tells the world what a request answered, so a session it ended is replaced. */
  noteResponse(actor: Actor, res: request.Response): void;
  fixtures(): Promise<Fixtures>;
  /** Puts back what a fuzzed settings form may have changed (which roles must use a second factor), so no session is held at enrolment. */
  restoreSettings(): Promise<void>;
}

async function anonymousSession(app: Express): Promise<Session> {
  const agent = request.agent(app);
  return { agent, token: csrfFrom((await agent.get('/login')).text) };
}

async function signedIn(app: Express, username: string): Promise<Session> {
  const agent = await loginAs(app, username);
  return { agent, token: csrfFrom((await agent.get('/account/password')).text) };
}

/**
 * Users for every role (a second factor where the seeded settings require one) and lazily made
 * sessions; `ward` works in 東区.
 */
export async function makeWorld(app: Express, db: Knex): Promise<World> {
  const users = {} as World['users'];
  for (const role of ROLES) users[role] = await makeUser(db, { role, ward: '東区' });
  const twoFactorUser = (await makeUser(db, { role: 'manager', twoFactor: true })).username;
  const sessions = new Map<Actor, Session>();
  return {
    users,
    twoFactorUser,
    otherWardId: await wardId(db, '西区'),
    async session(actor) {
      const known = sessions.get(actor);
      if (known) return known;
      const s = actor === 'anonymous' ? await anonymousSession(app) : await signedIn(app, users[actor].username);
      if (actor !== 'anonymous') sessions.set(actor, s);
      return s;
    },
    noteResponse(actor, res) {
      const toLogin = res.status === 303 && /^\/login/.test(String(res.headers.location));
      const csrf = res.status === 403 && res.text.includes('画面を開き直して');
      if (toLogin || csrf) sessions.delete(actor);
    },
    fixtures: () => makeFixtures(db, users),
    async restoreSettings() {
      for (const role of ROLES) {
        await db('settings').where({ key: `${REQUIRED_KEY_PREFIX}${role}` }).update({ int_value: role === 'admin' || role === 'manager' ? 1 : 0 });
      }
    },
  };
}
