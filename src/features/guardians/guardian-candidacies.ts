/** The meeting cases (受任調整会議の検討案件) that name a citizen guardian as their candidate, newest meeting first. */
import { Knex } from 'knex';

export interface Candidacy { case_id: number; meeting_id: number; held_on: string }

export function candidaciesOf(db: Knex, guardianId: number): Promise<Candidacy[]> {
  return db('meeting_cases as c').join('meetings as m', 'm.id', 'c.meeting_id')
    .where('c.candidate_guardian_id', guardianId).whereNull('c.deleted_at').whereNull('m.deleted_at')
    .orderBy([{ column: 'm.held_on', order: 'desc' }, { column: 'c.id', order: 'desc' }])
    .select('c.id as case_id', 'c.meeting_id', 'm.held_on');
}
