/**
 * Headers and leaks: a crawl of every route in the registry as every role (anonymous, staff, ward,
 * manager, admin) with real and missing ids, a sample of POSTs, every download and the error pages.
 * On 100% of the responses: the security headers, no-store, and no stack trace, SQL, file path or
 * library name in what the body shows.
 */
import request from 'supertest';
import { useTestApp } from '../helpers/suite';
import { FORM_BODY_LIMIT_BYTES } from '../../src/app';
import { ROLES } from '../../src/policy';
import { REPORTS } from '../../src/features';
import { REPORT_FORMATS } from '../../src/features/reports/report-export';
import { canReadReport } from '../../src/features/reports/report-access';
import { routeKey } from '../fuzz/forms';
import { headerProblems, kindOf, leaksIn, pdfTexts, raw, Raw, xlsxText } from '../fuzz/leaks';
import { Actor, allowedActors, Fixtures, foreignUrl, makeWorld, missingUrl, urlFor, World } from '../fuzz/world';

/** These walk the whole route registry, which grows with every feature: a generous limit, not the default 30 s. */
const ENUMERATION_TIMEOUT = 180_000;

const t = useTestApp();
const ACTORS: Actor[] = ['anonymous', ...ROLES];
let world: World;
let fx: Fixtures;

beforeAll(async () => {
  world = await makeWorld(t.app, t.db);
  fx = await world.fixtures();
});

async function agentOf(actor: Actor) {
  return actor === 'anonymous' ? request.agent(t.app) : (await world.session(actor)).agent;
}

async function get(actor: Actor, url: string): Promise<Raw> {
  return raw(`GET ${url} as ${actor}`, (await agentOf(actor)).get(url));
}

async function post(actor: Actor, url: string, body: string, withToken = true): Promise<Raw> {
  const { agent, token } = await world.session(actor);
  const r = await raw(`POST ${url} as ${actor}`, agent.post(url).type('form').send(withToken ? `${body}&_csrf=${encodeURIComponent(token)}` : body));
  world.noteResponse(actor, { status: r.status, headers: r.headers, text: r.body.toString('utf8') } as request.Response);
  return r;
}

/** Headers and leaks of every response; binary bodies are read as text and metadata first. */
async function problemsOf(responses: Raw[]): Promise<string[]> {
  const pdfs = responses.filter((r) => kindOf(r) === 'pdf');
  const pdfText = new Map(pdfTexts(pdfs.map((r) => r.body)).map((text, i) => [pdfs[i], text]));
  const out: string[] = [];
  for (const r of responses) {
    out.push(...headerProblems(r));
    const kind = kindOf(r);
    const text = kind === 'pdf' ? pdfText.get(r)! : kind === 'xlsx' ? await xlsxText(r.body) : r.body.toString('utf8');
    out.push(...leaksIn(text).map((l) => `${r.status} ${r.url}: ${l}`));
  }
  return out;
}


test('every GET route, as every role, with real ids, missing ids and another ward\'s petition', async () => {
  const responses: Raw[] = [];
  for (const route of t.routes.filter((r) => r.method === 'get')) {
    const others = [missingUrl(route), foreignUrl(route, fx)].filter((u): u is string => u !== null && u !== route.path);
    for (const actor of ACTORS) {
      responses.push(await get(actor, urlFor(route, fx)));
      // a refused role is refused before any id is read: missing and foreign ids only for the roles let in
      if (allowedActors(route).includes(actor)) for (const url of others) responses.push(await get(actor, url));
    }
  }
  const statuses = new Set(responses.map((r) => r.status));
  expect([...statuses].sort()).toEqual(expect.arrayContaining([200, 303, 403, 404]));
  expect(responses.length).toBeGreaterThan(t.routes.filter((r) => r.method === 'get').length * ACTORS.length);
  expect(await problemsOf(responses)).toEqual([]);
}, ENUMERATION_TIMEOUT);

/** Query parameters the pages read (one bad value can stop a page before it reads the others, so each is sent alone too). */
const QUERY_NAMES = ['q', 'kana', 'birth', 'phone', 'after', 'after_id', 'action', 'record_type', 'record_id', 'from', 'to', 'user',
  'before', 'fy', 'from_fy', 'to_fy', 'month', 'ward', 'ward_id', 'category', 'person_id', 'other_id', 'stage', 'stalled', 'closed', 'due', 'next', 'status', 'funding'];
const NUL_SQL = encodeURIComponent("\u0000' OR 1=1 --");

test('every GET route with hostile query parameters (NUL, SQL, script, wrong types), as a role let in', async () => {
  const responses: Raw[] = [];
  const all = QUERY_NAMES.flatMap((k) => [`${k}=${encodeURIComponent('<script>alert(1)</script>')}`, `${k}=2`, `${k}[b]=1`]).join('&');
  for (const route of t.routes.filter((r) => r.method === 'get')) {
    const actor = allowedActors(route)[0];
    const first = await get(actor, `${urlFor(route, fx)}?${all}`);
    responses.push(first);
    if (kindOf(first) === 'pdf') continue; // a record's PDF reads no query
    // NUL and SQL in the parameters together; a page that stops at one value (not 2xx) may leave
    // the others unread, so the set is halved until each parameter was read in a 2xx or sent alone.
    const probe = async (names: string[]): Promise<void> => {
      const r = await get(actor, `${urlFor(route, fx)}?${names.map((k) => `${k}=${NUL_SQL}`).join('&')}`);
      responses.push(r);
      if ((r.status >= 200 && r.status < 300) || names.length === 1) return;
      const half = Math.ceil(names.length / 2);
      await probe(names.slice(0, half));
      await probe(names.slice(half));
    };
    await probe(QUERY_NAMES);
  }
  expect(responses.filter((r) => r.status >= 500).map((r) => r.url)).toEqual([]);
  expect(await problemsOf(responses)).toEqual([]);
}, ENUMERATION_TIMEOUT);

test('every download: each report as CSV, xlsx and PDF, the consultation, petition and meeting PDFs, the audit CSV', async () => {
  const responses: Raw[] = [];
  for (const report of REPORTS) {
    for (const format of REPORT_FORMATS) {
      for (const role of ['manager', 'ward'] as const) {
        if (canReadReport({ id: world.users[role].id, role, ward_id: world.users[role].ward_id }, report)) {
          responses.push(await get(role, `/reports/${report.id}.${format}`));
        }
      }
    }
  }
  responses.push(await get('staff', `/consultations/${fx.consultation}/pdf`), await get('manager', `/consultations/${fx.consultation}/pdf`));
  responses.push(await get('staff', `/petitions/${fx.petition}/pdf`), await get('ward', `/petitions/${fx.petition}/pdf`));
  responses.push(await get('manager', `/meetings/${fx.meeting}/pdf`), await get('staff', `/meetings/${fx.meeting}/cases/${fx.meetingCase}/pdf`));
  responses.push(await get('staff', `/subsidies/${fx.decidedSubsidy}/pdf`), await get('manager', `/subsidies/${fx.decidedSubsidy}/pdf`));
  responses.push(await get('admin', '/admin/audit.csv'), await get('manager', '/admin/audit.csv?action=person.view'));
  const downloads = responses.filter((r) => /attachment|inline/.test(r.headers['content-disposition'] ?? ''));
  expect(downloads.length).toBe(responses.length);
  expect(new Set(responses.map((kindOf)))).toEqual(new Set(['text', 'pdf', 'xlsx']));
  expect(await problemsOf(responses)).toEqual([]);
}, ENUMERATION_TIMEOUT);

test('a sample of POSTs: every POST route with an empty form, as a role allowed and a role refused, and without a token', async () => {
  const responses: Raw[] = [];
  for (const route of t.routes.filter((r) => r.method === 'post')) {
    const allowed = allowedActors(route);
    const refused = route.access === 'public' ? [] : ACTORS.filter((a) => a !== 'anonymous' && !allowed.includes(a));
    const url = urlFor(route, fx);
    responses.push(await post(allowed[0], url, 'x=1'));
    if (refused.length) {
      const denied = await post(refused[0], url, 'x=1');
      expect([routeKey(route), denied.status]).toEqual([routeKey(route), 403]);
      responses.push(denied);
    }
    responses.push(await post('staff', url, 'x=1', false));
  }
  expect(responses.every((r) => r.status < 500)).toBe(true);
  expect(await problemsOf(responses)).toEqual([]);
}, ENUMERATION_TIMEOUT);

test('error pages: 404, 403, 400 (bad form, bad encoding, too large), 409, 413 and a forced 500', async () => {
  const responses: Raw[] = [];
  /** The status, and a real page (the layout and its heading), not a fallback. */
  const expectStatus = (r: Raw, status: number) => {
    expect([r.url, r.status]).toEqual([r.url, status]);
    if (status >= 400) expect([r.url, /<h1>[^<]+<\/h1>/.test(r.body.toString('utf8'))]).toEqual([r.url, true]);
    responses.push(r);
  };
  expectStatus(await get('anonymous', '/no-such-page'), 404);
  expectStatus(await get('staff', '/no-such-page'), 404);
  expectStatus(await get('staff', '/persons/999999'), 404);
  expectStatus(await get('ward', `/petitions/${fx.otherWardPetition}`), 404);
  expectStatus(await get('staff', '/persons/%E0%A4%A'), 400);
  expectStatus(await get('staff', '/admin/users'), 403);
  expectStatus(await post('staff', '/persons', 'name='), 400);
  expectStatus(await post('staff', '/persons', 'name=x', false), 403);
  expectStatus(await post('staff', '/persons', `notes=${'a'.repeat(FORM_BODY_LIMIT_BYTES + 1)}`), 413);
  expectStatus(await post('staff', '/persons', 'name=%E0%A4%A'), 400);
  const stale = `name=${encodeURIComponent('古い 版')}&name_kana=${encodeURIComponent('フルイ ハン')}&version=1`;
  expectStatus(await post('staff', `/persons/${fx.person}`, stale), 303);
  expectStatus(await post('staff', `/persons/${fx.person}`, stale), 409);
  const staff = (await world.session('staff'));
  expectStatus(await raw('POST /consultations/import (6 MB) as staff', staff.agent.post('/consultations/import')
    .field('_csrf', staff.token).attach('file', Buffer.alloc(6 * 1024 * 1024, 0x41), 'big.csv')), 413);
  expectStatus(await raw('POST /consultations/import (multipart) as anonymous', request.agent(t.app).post('/consultations/import').field('x', '1')), 403);
  await t.db.raw('ALTER TABLE login_attempts RENAME TO login_attempts_moved');
  try {
    expectStatus(await post('anonymous', '/login', 'username=someone&password=whatever-password'), 500);
  } finally {
    await t.db.raw('ALTER TABLE login_attempts_moved RENAME TO login_attempts');
  }
  expect(responses.find((r) => r.status === 500)!.body.toString('utf8')).toMatch(/エラー番号：<strong>[0-9A-F]{12}<\/strong>/);
  expect(await problemsOf(responses)).toEqual([]);
});
