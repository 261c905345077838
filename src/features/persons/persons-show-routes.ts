import { Request } from 'express';
import { audit } from '../../audit/audit-writer';
import { SecureRouter } from '../../http/routes';
import { formatDateTime } from '../../lib/dates';
import { can } from '../../policy';
import { PersonRow } from './persons-fields';
import { displayRows, loadLookups } from './persons-lookups';
import { loadPerson, mergedFrom } from './persons-queries';
import { today } from '../../http/today';
import { Db } from '../../db/knex';
import type { TimelineEntry, TimelineSource } from '../../contracts/timeline';

/** Features provide their source (the Registry's timeline); the person page merges them, newest first (undated last). */
export async function personTimeline(db: Db, personId: number, sources: readonly TimelineSource[]): Promise<TimelineEntry[]> {
  const all = (await Promise.all(sources.map((s) => s(db, personId)))).flat();
  return all.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
}

/** Everything the person page and its print show: details, timeline, merge history. */
async function personPage(req: Request, person: PersonRow, timeline: readonly TimelineSource[]) {
  const { db } = req.deps;
  const lookups = await loadLookups(db);
  const day = today(req);
  return {
    person, today: day,
    details: displayRows(lookups, person, day),
    timeline: await personTimeline(db, person.id, timeline),
    mergedFrom: await mergedFrom(db, person.id),
    formatDateTime,
  };
}

export function personsShowRoutes(r: SecureRouter, timeline: readonly TimelineSource[]): void {
  r.get('/persons/:id', 'persons:read', async (req, res) => {
    const person = await loadPerson(req);
    const page = await personPage(req, person, timeline);
    await audit(req, 'person.view', 'person', person.id);
    res.render('persons/show', { ...page, canWrite: can(req.user, 'persons:write') });
  });

  r.get('/persons/:id/print', 'persons:read', async (req, res) => {
    const person = await loadPerson(req);
    const page = await personPage(req, person, timeline);
    await audit(req, 'person.print', 'person', person.id);
    res.render('persons/print', { ...page, printedAt: formatDateTime(req.deps.clock.now()) });
  });
}
