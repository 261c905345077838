import { Db } from '../../db/knex';
import { consultationTimeline } from '../consultations/consultations-timeline';
import { petitionTimeline } from '../petitions/petitions-timeline';
import { meetingTimeline } from '../meetings/meetings-timeline';
import { subsidyTimeline } from '../subsidies/subsidies-timeline';
import { guardianAppointmentTimeline } from '../guardians/guardians-timeline';

/**
 * One line in a person's timeline: what happened, when, and where to read it. `date` is the
 * record's business date (the consultation day, a petition's 相談受付, a subsidy's 受付日, the
 * meeting day, a 選任日), never when the record was typed in; null when it is not known.
 */
export interface TimelineEntry {
  date: string | null;
  kind: string;
  summary: string;
  href: string | null;
}

export type TimelineSource = (db: Db, personId: number) => Promise<TimelineEntry[]>;

/** Features register their source; the person page merges them, newest first (undated last). */
export const TIMELINE_SOURCES: TimelineSource[] = [consultationTimeline, petitionTimeline, subsidyTimeline, meetingTimeline, guardianAppointmentTimeline];

export async function personTimeline(db: Db, personId: number): Promise<TimelineEntry[]> {
  const all = (await Promise.all(TIMELINE_SOURCES.map((s) => s(db, personId)))).flat();
  return all.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
}
