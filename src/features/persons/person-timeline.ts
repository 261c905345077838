import { Db } from '../../db/knex';
import type { TimelineEntry, TimelineSource } from '../../contracts/timeline';
import { consultationTimeline } from '../consultations/consultations-timeline';
import { petitionTimeline } from '../petitions/petitions-timeline';
import { meetingTimeline } from '../meetings/meetings-timeline';
import { subsidyTimeline } from '../subsidies/subsidies-timeline';
import { guardianAppointmentTimeline } from '../guardians/guardians-timeline';

/** Features register their source; the person page merges them, newest first (undated last). */
export const TIMELINE_SOURCES: TimelineSource[] = [consultationTimeline, petitionTimeline, subsidyTimeline, meetingTimeline, guardianAppointmentTimeline];

export async function personTimeline(db: Db, personId: number): Promise<TimelineEntry[]> {
  const all = (await Promise.all(TIMELINE_SOURCES.map((s) => s(db, personId)))).flat();
  return all.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
}
