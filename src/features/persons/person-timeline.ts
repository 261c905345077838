import { Db } from '../../db/knex';
import type { TimelineEntry, TimelineSource } from '../../contracts/timeline';

/** Features provide their source (the Registry's timeline); the person page merges them, newest first (undated last). */
export async function personTimeline(db: Db, personId: number, sources: readonly TimelineSource[]): Promise<TimelineEntry[]> {
  const all = (await Promise.all(sources.map((s) => s(db, personId)))).flat();
  return all.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
}
