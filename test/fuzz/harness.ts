/**
 * The fuzz of every POST route in the app's registry (no hand list): for each route, as each role
 * policy.ts lets use it, fast-check posts hostile bodies built on the route's real form, with a real
 * CSRF token, to real and missing ids. A failure names the route and the seed to replay it with.
 *
 *   FUZZ_SEED=n   replay (or vary) the whole fuzz      FUZZ_RUNS=n   runs per route (default 20)
 *   FUZZ_VERBOSE=1   time taken per route, on stderr
 */
import fc from 'fast-check';
import request from 'supertest';
import { RouteSpec } from '../../src/http/routes';
import { TestSuite } from '../helpers/suite';
import { csrfFrom } from '../helpers/agent';
import { TEST_PASSWORD } from '../helpers/factories';
import { buildBody, Run, runArbitrary } from './bodies';
import { FormCatalog, Pair, routeKey } from './forms';
import { changed, checkExtrasIgnored, guardedUsers, highWater, incompleteRows, petitionWards, snapshot } from './checks';
import { allowedActors, Actor, Fixtures, foreignUrl, missingUrl, Session, urlFor, World } from './world';

export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261127);
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 20);

/** Posts the pairs as a browser would (urlencoded, repeated names kept) or as multipart. */
export function send(s: Session, url: string, pairs: Pair[], multipart = false) {
  if (multipart) {
    let req = s.agent.post(url);
    for (const [k, v] of [...pairs, ['_csrf', s.token] as Pair]) req = req.field(k, v);
    return req;
  }
  return s.agent.post(url).type('form').send(new URLSearchParams([...pairs, ['_csrf', s.token]]).toString());
}

/** Every form on every page the registry's GET routes show, as every role that may see them (and a roster record not yet registered in the bank). */
export async function discoverForms(t: TestSuite, world: World, fx: Fixtures): Promise<FormCatalog> {
  const catalog = new FormCatalog(t.routes);
  // downloads (the PDFs, the annual report, the audit CSV) hold no forms: not fetched here
  const pages = t.routes.filter((r) => r.method === 'get' && !/[./](pdf|xlsx|csv)$/.test(r.path));
  for (const route of pages) {
    for (const actor of allowedActors(route)) {
      const res = await (await world.session(actor)).agent.get(urlFor(route, fx));
      if (/html/.test(String(res.headers['content-type']))) catalog.add(res.text);
    }
  }
  const merge = await (await world.session('staff')).agent.get(`/persons/${fx.person}/merge?other_id=${fx.person2}`);
  catalog.add(merge.text);
  const unregistered = await t.db('citizen_guardians').insert({ name: 'フォーム 探索', name_kana: 'フォーム タンサク', kana_key: 'フォームタンサク', birth_date: '1960-01-01' }).returning('id');
  catalog.add((await (await world.session('staff')).agent.get(`/guardians/${unregistered[0].id}`)).text);
  return catalog;
}

/** A session for a public route: fresh each time; for the code step of login, one waiting for its code. */
async function publicSession(t: TestSuite, route: RouteSpec, username: string): Promise<Session> {
  const agent = request.agent(t.app);
  const token = csrfFrom((await agent.get('/login')).text);
  if (route.path !== '/login/two-factor') return { agent, token };
  await agent.post('/login').type('form').send({ username, password: TEST_PASSWORD, _csrf: token });
  return { agent, token: csrfFrom((await agent.get('/login/two-factor')).text) };
}

/** One run: post, then what must hold. Throws with the route, the status and what broke. */
async function oneRun(t: TestSuite, world: World, route: RouteSpec, catalog: FormCatalog, fx: Fixtures, since: Record<string, number>, run: Run) {
  const { db } = t;
  const s = run.actor === 'anonymous' ? await publicSession(t, route, world.twoFactorUser) : await world.session(run.actor);
  const foreign = run.target === 'foreign' ? foreignUrl(route, fx) : null;
  const url = foreign ?? (run.target === 'missing' ? missingUrl(route) : urlFor(route, fx));
  const body = buildBody(catalog.formsFor(route), run, fx, { admin: world.users.admin.id, otherWard: world.otherWardId });
  const guarded = Object.values(world.users).map((u) => u.id);
  const [before, wardsBefore, usersBefore] = await Promise.all([snapshot(db), petitionWards(db), guardedUsers(db, guarded)]);
  const res = await send(s, url, body, run.multipart);
  world.noteResponse(run.actor, res);
  const fail = (why: string) => {
    const shown = body.map(([k, v]) => `${k}=${JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…(${v.length})` : v)}`).join('&');
    throw new Error(`${routeKey(route)} as ${run.actor} → POST ${url} answered ${res.status}: ${why}\nbody: ${shown}`);
  };
  if (res.status >= 500) fail('server error');
  if (foreign && run.actor === 'ward' && res.status !== 404) fail('a ward user reached another ward\'s petition');
  if (res.status !== 303) {
    const diff = changed(before, await snapshot(db));
    if (diff.length) fail(`not a success, yet stored: ${diff.join('; ')}`);
  }
  if (run.actor === 'ward' && (await petitionWards(db)) !== wardsBefore) fail('a ward user moved a petition to another ward');
  if ((await guardedUsers(db, guarded)) !== usersBefore) fail('a signed-in user changed their own role, ward or status');
  const actorId = run.actor === 'anonymous' ? null : world.users[run.actor].id;
  const extras = await checkExtrasIgnored(db, res, actorId, since);
  if (extras.length) fail(extras.join('; '));
  if (route.access === 'public') await db('login_attempts').del();
}

const hash = (s: string) => [...s].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 0);

/** Fuzzes one route with its own fixtures; afterwards every row it stored must be complete. */
export async function fuzzRoute(t: TestSuite, world: World, catalog: FormCatalog, route: RouteSpec, actors: Actor[] = allowedActors(route)) {
  const fx = await world.fixtures();
  const since = await highWater(t.db);
  const seed = FUZZ_SEED ^ hash(routeKey(route));
  const details = await fc.check(fc.asyncProperty(runArbitrary(actors), (run) => oneRun(t, world, route, catalog, fx, since, run)),
    { numRuns: FUZZ_RUNS, seed, endOnFailure: true });
  if (details.failed) {
    const why = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    throw new Error(`fuzz of ${routeKey(route)} failed at run ${details.numRuns} (seed ${seed}, path "${details.counterexamplePath}"; `
      + `the whole fuzz replays with FUZZ_SEED=${FUZZ_SEED})\n${why}`);
  }
  const incomplete = await incompleteRows(t.db, since);
  if (incomplete.length) throw new Error(`${routeKey(route)} left incomplete rows (seed ${seed}): ${incomplete.join('; ')}`);
}

const RECORDS = /^\/(persons|consultations|petitions|meetings|subsidies)(\/|$)/;
const GUARDIANS = /^\/guardians(\/|$)/;

/** The parts the fuzz is split into (one test file each, so they run in parallel); together, every POST route. */
export const FUZZ_GROUPS = {
  records: (r: RouteSpec) => RECORDS.test(r.path),
  guardians: (r: RouteSpec) => GUARDIANS.test(r.path),
  accounts: (r: RouteSpec) => !RECORDS.test(r.path) && !GUARDIANS.test(r.path),
} as const;

/** Fuzzes every POST route of a group; reports every route that failed, not only the first. */
export async function fuzzGroup(t: TestSuite, world: World, catalog: FormCatalog, group: keyof typeof FUZZ_GROUPS): Promise<RouteSpec[]> {
  const routes = t.routes.filter((r) => r.method === 'post' && FUZZ_GROUPS[group](r));
  const failures: string[] = [];
  for (const route of routes) {
    const started = Date.now();
    try {
      await fuzzRoute(t, world, catalog, route);
    } catch (e) {
      failures.push((e as Error).message);
    }
    await world.restoreSettings();
    if (process.env.FUZZ_VERBOSE) process.stderr.write(`${routeKey(route)}: ${Date.now() - started} ms\n`);
  }
  if (failures.length) throw new Error(failures.join('\n\n'));
  return routes;
}
