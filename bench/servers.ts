import http from 'node:http';
import { AddressInfo } from 'node:net';
import express from 'express';
import { Knex } from 'knex';
import { writeAudit } from '../src/audit/audit-writer';
import { fiscalYearOf } from '../src/lib/dates';
import { Principal } from '../src/policy';
import { listConsultations, ListFilters } from '../src/features/consultations/consultations-list';
import { loadFilterOptions } from '../src/features/consultations/consultations-options';
import { personTimeline } from '../src/features/persons/persons-show-routes';
import { TIMELINE_SOURCES } from '../src/features';
import { mergedFrom, findPerson } from '../src/features/persons/persons-queries';
import { loadLookups } from '../src/features/persons/persons-lookups';
import { searchPersons } from '../src/features/persons/persons-search';
import { DEFAULT_FILTERS, filingYears, listPetitions, stallDays } from '../src/features/petitions/list/petitions-list';
import { bareJourneyRoutes } from './bare-journey';

export interface Listening {
  url: string;
  /** resolves once no request is being handled (a load's last requests still write after the client stops) */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export function listen(handler: http.RequestListener): Promise<Listening> {
  let inflight = 0;
  const server = http.createServer((req, res) => {
    // Counted until the handler ends the response: a request whose client has gone keeps running.
    inflight++;
    let done = false;
    const end = res.end as (...args: unknown[]) => http.ServerResponse;
    res.end = function (this: http.ServerResponse, ...args: unknown[]) {
      if (!done) { done = true; inflight--; }
      return end.apply(this, args);
    } as typeof res.end;
    handler(req, res);
  });
  const idle = async () => { while (inflight > 0) await new Promise((r) => setTimeout(r, 50)); };
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        idle,
        close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }),
      });
    });
  });
}

export interface BareContext {
  db: Knex;
  today: string;
  /** the consultation list's filters (as /consultations?fy=…&ward=…) */
  filters: ListFilters;
  /** the bench's staff account: actor of the baseline's audit rows and creator of its records */
  actorId: number;
  /** the ward user the petition list is measured for */
  wardUser: Principal;
}

/** The same audit insert the app makes, marked as the baseline's by its request id. */
export const auditAs = (c: BareContext, action: string, recordType: string, recordId: number | null, db: Knex | Knex.Transaction = c.db) =>
  writeAudit(db, new Date(), { action, recordType, recordId, actorId: c.actorId, actorUsername: 'bench-staff', ip: '127.0.0.1', requestId: 'bench-baseline' });

/**
 * The baselines: bare Express routes (no session, CSRF, templates or security headers) running
 * the very queries of each page, audit inserts included, answering JSON.
 */
export function bareApp(c: BareContext): express.Express {
  const { db, today } = c;
  const app = express();
  app.get('/list', async (req, res) => {
    const q = (name: string) => (req.query[name] ? Number(req.query[name]) : null);
    const filters = { ...c.filters, fy: q('fy') ?? c.filters.fy, ward: q('ward') ?? c.filters.ward, method: q('method') };
    const [page, options] = await Promise.all([
      listConsultations(db, filters, today, null),
      loadFilterOptions(db, fiscalYearOf(today)),
    ]);
    res.json({ page, options });
  });
  app.get('/persons', async (_req, res) => {
    const lookups = await loadLookups(db);
    const rows = await searchPersons(db, {}, null, 51);
    await auditAs(c, 'person.search', 'person', null);
    res.json({ rows: rows.slice(0, 50), wards: lookups.wards });
  });
  app.get('/persons/:id', async (req, res) => {
    const person = await findPerson(db, Number(req.params.id));
    if (!person) { res.status(404).end(); return; }
    const lookups = await loadLookups(db);
    const page = { person, lookups: lookups.wards, timeline: await personTimeline(db, person.id, TIMELINE_SOURCES), mergedFrom: await mergedFrom(db, person.id) };
    await auditAs(c, 'person.view', 'person', person.id);
    res.json(page);
  });
  app.get('/petitions', async (_req, res) => {
    const threshold = await stallDays(db);
    const page = await listPetitions(db, c.wardUser, DEFAULT_FILTERS, today, threshold);
    await auditAs(c, 'petition.list', 'petition', null);
    res.json({ page, years: await filingYears(db, c.wardUser, fiscalYearOf(today)) });
  });
  bareJourneyRoutes(app, c);
  return app;
}
