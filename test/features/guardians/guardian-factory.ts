/** Fixtures for the citizen-guardian tests, inserted directly (they are not what is under test). */
import { Knex } from 'knex';
import { kanaSearchKey } from '../../../src/lib/kana';
import { fiscalYearRange } from '../../../src/lib/dates';

let seq = 0;

export async function insertGuardian(db: Knex, v: { name?: string; kana?: string; birth?: string; activity?: string | null } = {}): Promise<number> {
  const n = ++seq;
  const kana = v.kana ?? `シミン タロウ${'ア'.repeat(n % 7)}`;
  const [row] = await db('citizen_guardians').insert({
    name: v.name ?? `市民 太郎${n}`, name_kana: kana, kana_key: kanaSearchKey(kana), birth_date: v.birth ?? '1960-04-01',
    activity_started_on: v.activity ?? null,
  }).returning('id');
  return row.id as number;
}

/** A course for `fy`, with its ten days (4/10, 4/17 …) unless `days` is 0. */
export async function insertCourse(db: Knex, fy: number, days = 10): Promise<{ id: number; dayIds: number[]; lastDay: string }> {
  const [row] = await db('guardian_courses').insert({ fiscal_year: fy, title: `養成講座${fy}` }).returning('id');
  const start = new Date(`${fiscalYearRange(fy).from}T00:00:00Z`).getTime() + 9 * 86400000;
  const dayRows = Array.from({ length: days }, (_, i) => ({
    course_id: row.id, day_no: i + 1, held_on: new Date(start + i * 7 * 86400000).toISOString().slice(0, 10), topic: `第${i + 1}回の内容`,
  }));
  const ids = dayRows.length ? (await db('guardian_course_days').insert(dayRows).returning('id')).map((r: { id: number }) => r.id) : [];
  return { id: row.id, dayIds: ids, lastDay: dayRows.at(-1)?.held_on ?? fiscalYearRange(fy).from };
}

export async function enrolDirect(db: Knex, courseId: number, guardianId: number, completedOn: string | null = null): Promise<number> {
  const [row] = await db('guardian_course_enrolments').insert({
    course_id: courseId, guardian_id: guardianId, completed_on: completedOn, completion_basis: completedOn ? 'historical' : null,
  }).returning('id');
  return row.id as number;
}

export async function insertSession(db: Knex, on: string, title: string, guardianIds: number[] = []): Promise<number> {
  const [row] = await db('guardian_followup_sessions').insert({ held_on: on, title }).returning('id');
  if (guardianIds.length) await db('guardian_followup_attendance').insert(guardianIds.map((g) => ({ session_id: row.id, guardian_id: g })));
  return row.id as number;
}

export async function insertPeriod(db: Knex, guardianId: number, kind: 'bank' | 'cooperator', from: string, to: string | null = null): Promise<number> {
  const [row] = await db('guardian_periods').insert({ guardian_id: guardianId, kind, started_on: from, ended_on: to }).returning('id');
  return row.id as number;
}

export async function insertAppointment(db: Knex, guardianId: number, personId: number, from: string, to: string | null = null, type = '後見'): Promise<number> {
  const typeId = (await db('code_entries').where({ list: 'guardianship_type', label: type }).first('id')).id;
  const [row] = await db('guardian_appointments').insert({
    guardian_id: guardianId, person_id: personId, appointed_on: from, ended_on: to, guardianship_type_id: typeId,
  }).returning('id');
  return row.id as number;
}

/** A person who meets every bank condition for a registration on or after `on`'s year: completed, 支援員 since 2 years, one follow-up. */
export async function qualifiedGuardian(db: Knex, v: { name?: string; kana?: string } = {}): Promise<number> {
  const id = await insertGuardian(db, { ...v, activity: '2023-04-01' });
  const course = (await db('guardian_courses').where({ fiscal_year: 2022 }).first('id'))?.id ?? (await insertCourse(db, 2022, 0)).id;
  await enrolDirect(db, course, id, '2023-02-01');
  await insertSession(db, '2024-01-20', `研修${id}`, [id]);
  return id;
}
