/**
 * Storing imported trainees inside the import's transaction: the roster record, the course of the
 * year (found, or created without days), the enrolment with its completion taken as given
 * ('historical'), and the bank and 協力員 periods as open periods.
 */
import { Knex } from 'knex';
import type { ImportActor } from '../../contracts/import-kind';

export interface TraineeImport {
  name: string;
  name_kana: string;
  kana_key: string;
  birth_date: string;
  course_fy: number | null;
  completed_on: string | null;
  activity_started_on: string | null;
  bank_on: string | null;
  coop_on: string | null;
}

export const IMPORTED_COURSE_TITLE = '市民後見人養成講座';

async function courseFor(trx: Knex.Transaction, fy: number, actor: ImportActor, known: Map<number, number>): Promise<number> {
  const cached = known.get(fy);
  if (cached !== undefined) return cached;
  const found = await trx('guardian_courses').where({ fiscal_year: fy }).first('id');
  const stamp = { created_at: actor.now, created_by: actor.userId, updated_at: actor.now, updated_by: actor.userId };
  const id: number = found?.id ?? (await trx('guardian_courses').insert({ fiscal_year: fy, title: IMPORTED_COURSE_TITLE, ...stamp }).returning('id'))[0].id;
  known.set(fy, id);
  return id;
}

export async function insertTrainees(trx: Knex.Transaction, records: TraineeImport[], actor: ImportActor): Promise<void> {
  const stamp = { created_at: actor.now, created_by: actor.userId, updated_at: actor.now, updated_by: actor.userId };
  const courses = new Map<number, number>();
  for (const r of records) {
    const [g] = await trx('citizen_guardians').insert({
      name: r.name, name_kana: r.name_kana, kana_key: r.kana_key, birth_date: r.birth_date, activity_started_on: r.activity_started_on, ...stamp,
    }).returning('id');
    if (r.course_fy !== null) {
      await trx('guardian_course_enrolments').insert({
        course_id: await courseFor(trx, r.course_fy, actor, courses), guardian_id: g.id,
        completed_on: r.completed_on, completion_basis: r.completed_on ? 'historical' : null, ...stamp,
      });
    }
    if (r.bank_on) await trx('guardian_periods').insert({ guardian_id: g.id, kind: 'bank', started_on: r.bank_on, ...stamp });
    if (r.coop_on) await trx('guardian_periods').insert({ guardian_id: g.id, kind: 'cooperator', started_on: r.coop_on, ...stamp });
  }
}
