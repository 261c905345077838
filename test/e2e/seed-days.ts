/**
 * What the day journeys find waiting when they start (test/e2e/*-day.e2e.test.ts): an application
 * in 審査 for the manager to decide, consultations in a year only the manager's monthly table reads,
 * and this year's training course for the staff's new trainee.
 */
import { Knex } from 'knex';
import { kanaKeys } from '../../src/features/persons/persons-queries';
import { DAY_RECORDS } from './seed-data';
import { codeId, insertId, wardId } from './seed-records';

async function subsidyInReview(db: Knex, staffId: number): Promise<void> {
  const { name, kana } = DAY_RECORDS.subsidyPerson;
  const ward = await wardId(db, '北区');
  const personId = await insertId(db, 'persons', { name, name_kana: kana, ...kanaKeys(kana), birth_date: '1944-02-10', ward_id: ward });
  await insertId(db, 'subsidies', {
    person_id: personId, ward_id: ward, guardian_name: '熊本 司法書士事務所', guardian_relation_id: await codeId(db, 'guardian_relation', '司法書士'),
    petition_type: '本人', received_on: '2026-11-02', court_decided_on: '2026-10-15', case_number: '令和8年(家)第321号',
    period_from: '2025-10-01', period_to: '2026-09-30', fee_awarded_yen: 300000, home_months: 12, facility_months: 0,
    home_cap_yen: 28000, facility_cap_yen: 18000, eligibility: '生活保護', funding_line: '高齢', granted_yen: 300000, status: '審査',
    created_by: staffId, updated_by: staffId,
  });
}

async function consultationsOfTheYear(db: Knex, staffId: number): Promise<void> {
  const category = async (n: string) => (await db('consultation_categories').where({ name: n }).first('id')).id as number;
  const rows: [string, string][] = [['2022-06-10', '制度説明'], ['2022-06-24', '制度説明'], ['2022-11-01', '申立支援']];
  for (const [on, cat] of rows) {
    await insertId(db, 'consultations', { consulted_on: on, category_id: await category(cat), staff_id: staffId, content: '月別集計の確認用' });
  }
}

async function courseOfTheYear(db: Knex, staffId: number): Promise<void> {
  const id = await insertId(db, 'guardian_courses', { fiscal_year: 2026, title: '市民後見人養成講座', created_by: staffId, updated_by: staffId });
  await db('guardian_course_days').insert(Array.from({ length: 10 }, (_, i) => ({
    course_id: id, day_no: i + 1, held_on: `2026-${String(6 + Math.floor(i / 2)).padStart(2, '0')}-${i % 2 ? '20' : '05'}`, topic: `第${i + 1}回`,
  })));
}

export async function seedDays(db: Knex, staffId: number): Promise<void> {
  await subsidyInReview(db, staffId);
  await consultationsOfTheYear(db, staffId);
  await courseOfTheYear(db, staffId);
}
