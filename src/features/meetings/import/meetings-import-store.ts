/** Storing imported meetings in the import's transaction: one meeting per 会議日 (in file order), its cases, their persons. */
import { Knex } from 'knex';
import type { ImportedPerson } from '../../../contracts';
import { personFor, type SeenPersons } from '../../imports';
import type { ImportActor } from '../../../contracts/import-kind';
import type { Accepted } from '../meetings-options';

export interface MeetingImport extends ImportedPerson {
  held_on: string;
  recommended_type_id: number;
  candidate_name: string | null;
  candidate_accepted: Accepted;
  sent_to_court_on: string | null;
}

/** The rows grouped by 会議日, in the order each date first appears. */
export function groupByMeeting(records: MeetingImport[]): Map<string, MeetingImport[]> {
  const groups = new Map<string, MeetingImport[]>();
  for (const r of records) groups.set(r.held_on, [...(groups.get(r.held_on) ?? []), r]);
  return groups;
}

export async function insertMeetings(trx: Knex.Transaction, records: MeetingImport[], actor: ImportActor): Promise<void> {
  const who = { created_at: actor.now, created_by: actor.userId, updated_at: actor.now, updated_by: actor.userId };
  const seen: SeenPersons = new Map();
  for (const [heldOn, rows] of groupByMeeting(records)) {
    const [meeting] = await trx('meetings').insert({ held_on: heldOn, ...who }).returning('id');
    for (const r of rows) {
      await trx('meeting_cases').insert({
        meeting_id: meeting.id, person_id: await personFor(trx, r, actor, seen), recommended_type_id: r.recommended_type_id,
        candidate_name: r.candidate_name, candidate_accepted: r.candidate_accepted, sent_to_court_on: r.sent_to_court_on, ...who,
      });
    }
  }
}
