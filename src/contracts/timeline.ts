/**
 * A person's timeline is merged from sources the features provide: each owner feature lists its
 * TimelineSource on its door, the composition root collects them (TIMELINE_SOURCES in
 * src/features/index.ts) and the person page merges them, newest first.
 */
import type { Db } from '../db/knex';

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
