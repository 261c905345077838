/**
 * The setup every test file repeats, registered once: the app (or just a database) is made
 * in beforeAll and closed in afterAll, and read through getters that work inside tests and hooks.
 *
 *   const t = useTestApp();
 *   const staff = t.user('staff');            // made and logged in before the tests
 *   test('…', async () => {
 *     await staff.agent.get('/');             // staff.id, staff.username, staff.ward_id
 *     const { agent } = await t.login('ward', { ward: '西区' });   // a new user, now
 *   });
 */
import { Knex } from 'knex';
import { Role } from '../../src/policy';
import { Agent, loginAs } from './agent';
import { createTestApp, TestApp } from './app';
import { makeUser } from './factories';
import { openTestDatabase, TestDatabase } from './test-db';

/** makeUser's options other than the role (ward, username, mustChange, disabled). */
export type UserOptions = Omit<Parameters<typeof makeUser>[1], 'role'>;

/** A user and an agent holding their session. */
export interface TestUser {
  readonly id: number;
  readonly username: string;
  readonly ward_id: number | null;
  readonly agent: Agent;
}

export interface TestSuite {
  readonly app: TestApp['app'];
  readonly db: Knex;
  readonly engine: TestApp['engine'];
  readonly clock: TestApp['clock'];
  readonly routes: TestApp['routes'];
  /** A new user with this role, logged in now. */
  login(role: Role, opts?: UserOptions): Promise<TestUser>;
  /** A user with this role, made and logged in by a beforeAll (in the file or describe block it is called in). */
  user(role: Role, opts?: UserOptions): TestUser;
}

function notYet(what: string): never {
  throw new Error(`${what} is made in beforeAll: use it inside a test or a hook`);
}

/** The real app on a fresh database for this file (see createTestApp; `start` sets the clock). */
export function useTestApp(start?: Date): TestSuite {
  let current: TestApp | undefined;
  beforeAll(async () => { current = await createTestApp(start); });
  afterAll(async () => { await current?.close(); });
  const ready = () => current ?? notYet('the test app');

  async function login(role: Role, opts: UserOptions = {}): Promise<TestUser> {
    const u = await makeUser(ready().db, { ...opts, role });
    return { ...u, agent: await loginAs(ready().app, u.username) };
  }

  function user(role: Role, opts: UserOptions = {}): TestUser {
    let made: TestUser | undefined;
    beforeAll(async () => { made = await login(role, opts); });
    const u = () => made ?? notYet(`the ${role} user`);
    return {
      get id() { return u().id; },
      get username() { return u().username; },
      get ward_id() { return u().ward_id; },
      get agent() { return u().agent; },
    };
  }

  return {
    get app() { return ready().app; },
    get db() { return ready().db; },
    get engine() { return ready().engine; },
    get clock() { return ready().clock; },
    get routes() { return ready().routes; },
    login,
    user,
  };
}

/** A fresh, migrated database for this file, without the app (for queries, imports and CLI commands). */
export function useTestDatabase(): { readonly db: Knex; readonly engine: TestDatabase['engine'] } {
  let current: TestDatabase | undefined;
  beforeAll(async () => { current = await openTestDatabase(); });
  afterAll(async () => { await current?.close(); });
  const ready = () => current ?? notYet('the test database');
  return {
    get db() { return ready().db; },
    get engine() { return ready().engine; },
  };
}
