/** Records for a route's :params (inserted directly: they are not what is under test), and the URLs made with them. */
import { Knex } from 'knex';
import { RouteSpec } from '../../src/http/routes';
import { REPORTS } from '../../src/features';
import { insertPerson, makeUser, wardId } from '../helpers/factories';
import { insertPetition, insertRelative } from '../features/petitions/petition-factory';
import { enrolDirect, insertAppointment, insertCourse, insertGuardian, insertPeriod, insertSession } from '../features/guardians/guardian-factory';

export interface Fixtures {
  person: number;
  person2: number;
  consultation: number;
  /** a soft-deleted consultation (what restore takes) */
  deletedConsultation: number;
  petition: number;
  otherWardPetition: number;
  relative: number;
  otherWardRelative: number;
  user: number;
  center: number;
  consultationBatch: number;
  petitionBatch: number;
  meeting: number;
  meetingCase: number;
  meetingBatch: number;
  /** a subsidy application in 受付, and one decided (approved) for the notice PDF */
  subsidy: number;
  decidedSubsidy: number;
  subsidyBatch: number;
  guardian: number;
  course: number;
  enrolment: number;
  followup: number;
  appointment: number;
  traineesBatch: number;
  followupBatch: number;
  /** indicator 1's entered year (court counts) */
  courtUserYear: number;
  indicatorTarget: number;
  /** a fiscal year with past figures entered for FIGURES_REPORT */
  figuresFy: number;
}

/** The yearly report whose past figures the /figures routes get. */
export const FIGURES_REPORT = 'petitions-yearly';

/** Where a :param of a route points: a fixture of the right kind, or an error naming the param to add here. */
function paramValue(path: string, name: string, fx: Fixtures): string {
  const byName: Record<string, () => number | string> = {
    kind: () => 'referral-centers',
    consultationId: () => (path.endsWith('/restore') ? fx.deletedConsultation : fx.consultation),
    petitionId: () => fx.petition,
    relativeId: () => fx.relative,
    batchId: () => (path.startsWith('/petitions') ? fx.petitionBatch : path.startsWith('/meetings') ? fx.meetingBatch
      : path.startsWith('/subsidies') ? fx.subsidyBatch : path.startsWith('/guardians/trainees') ? fx.traineesBatch
      : path.startsWith('/guardians/followups') ? fx.followupBatch : fx.consultationBatch),
    meetingId: () => fx.meeting,
    caseId: () => fx.meetingCase,
    subsidyId: () => (path.endsWith('/pdf') ? fx.decidedSubsidy : fx.subsidy),
    guardianId: () => fx.guardian,
    courseId: () => fx.course,
    enrolmentId: () => fx.enrolment,
    sessionId: () => fx.followup,
    appointmentId: () => fx.appointment,
    file: () => REPORTS[0].id,
    report: () => FIGURES_REPORT,
    fy: () => fx.figuresFy,
  };
  const byPrefix: [RegExp, () => number | string][] = [
    [/^\/admin\/users\//, () => fx.user], [/^\/admin\/masters\/indicator-targets\//, () => fx.indicatorTarget],
    [/^\/admin\/masters\//, () => fx.center], [/^\/persons\//, () => fx.person], [/^\/indicators\//, () => fx.courtUserYear],
    [/^\/petitions\//, () => fx.petition], [/^\/reports\//, () => REPORTS[0].id],
  ];
  const found = name === 'id' ? byPrefix.find(([re]) => re.test(path))?.[1] : Object.hasOwn(byName, name) ? byName[name] : undefined;
  if (!found) throw new Error(`no fixture for :${name} in ${path}: add one to test/fuzz/fixtures.ts`);
  return String(found());
}

/** A concrete URL for a route with real ids. */
export function urlFor(route: RouteSpec, fx: Fixtures): string {
  return route.path.replace(/:([A-Za-z]+)/g, (_m, name: string) => paramValue(route.path, name, fx));
}

/** The route with another ward's petition (and its relative) where it takes a petition; null when it takes none. */
export function foreignUrl(route: RouteSpec, fx: Fixtures): string | null {
  if (!/^\/petitions\/:/.test(route.path)) return null;
  return urlFor(route, { ...fx, petition: fx.otherWardPetition, relative: fx.otherWardRelative });
}

/** The same URL with ids that do not exist (a real :kind stays, so the id is what is missing). */
export function missingUrl(route: RouteSpec): string {
  return route.path.replace(/:kind/g, 'referral-centers').replace(/:[A-Za-z]+/g, '999999');
}

let seq = 0;

/** Records for one route's runs, inserted directly (they are not what is under test). */
export async function makeFixtures(db: Knex, users: Record<'staff', { id: number }>): Promise<Fixtures> {
  const n = ++seq;
  const east = await wardId(db, '東区');
  const person = await insertPerson(db, { name: `世界 太郎${n}`, name_kana: `セカイ タロウ`, birth_date: '1940-01-0' + ((n % 9) + 1), ward_id: east });
  const person2 = await insertPerson(db, { name: `世界 次郎${n}`, name_kana: `セカイ ジロウ`, ward_id: east });
  const cat = await db('consultation_categories').whereNull('parent_id').orderBy('sort_order').first('id');
  const consultation = async (deleted: boolean) => {
    const [row] = await db('consultations').insert({
      consulted_on: '2026-11-01', category_id: cat.id, person_id: person, ward_id: east, follow_up_on: '2026-11-20',
      created_by: users.staff.id, updated_by: users.staff.id,
      ...(deleted ? { deleted_at: new Date('2026-11-26T00:00:00Z'), deleted_reason: '重複', deleted_by: users.staff.id } : {}),
    }).returning('id');
    if (deleted) await db('audit_log').insert({ at: new Date(), action: 'consultation.delete', record_type: 'consultation', record_id: String(row.id) });
    return row.id as number;
  };
  const petition = await insertPetition(db, { person_id: person, ward: '東区', stages: [{ stage: 1, on: '2026-11-01' }] });
  const otherWardPetition = await insertPetition(db, { person_id: person2, ward: '西区' });
  const relative = await insertRelative(db, petition);
  const otherWardRelative = await insertRelative(db, otherWardPetition);
  // a meeting in the past with a case of the person, linked to the petition (at stage 1: stage 6 cannot be recorded yet)
  const [meeting] = await db('meetings').insert({ held_on: '2026-11-02', place: `会議室${n}`, created_by: users.staff.id, updated_by: users.staff.id }).returning('id');
  const kind = await db('code_entries').where({ list: 'guardian_kind' }).orderBy('sort_order').first('id');
  const [meetingCase] = await db('meeting_cases').insert({
    meeting_id: meeting.id, person_id: person, petition_id: petition, recommended_type_id: kind.id, created_by: users.staff.id, updated_by: users.staff.id,
  }).returning('id');
  const user = await makeUser(db, { role: 'staff', username: `target${n}` });
  const [center] = await db('referral_centers').insert({ name: `ファズ用センター${n}`, kind: 'その他', sort_order: 900 + n }).returning('id');
  const batch = async (kind: string) => (await db('import_batches')
    .insert({ kind, user_id: users.staff.id, rows: '[]', created_at: new Date('2026-11-27T00:00:00Z') }).returning('id'))[0].id as number;
  const subsidy = async (decided: boolean) => (await db('subsidies').insert({
    person_id: person, ward_id: east, guardian_name: '世界 後見', petition_type: '本人', received_on: '2026-11-01',
    guardian_relation_id: (await db('code_entries').where({ list: 'guardian_relation', label: '社会福祉士' }).first('id')).id,
    court_decided_on: '2026-10-01', period_from: '2025-10-01', period_to: '2026-09-30', fee_awarded_yen: 300000, home_months: 12,
    home_cap_yen: 28000, facility_cap_yen: 18000, eligibility: '生活保護', funding_line: '高齢', granted_yen: 300000,
    created_by: users.staff.id, updated_by: users.staff.id,
    ...(decided ? { status: '決定', decision: '承認', decided_on: '2026-11-02', decision_number: '熊健福第1号' } : {}),
  }).returning('id'))[0].id as number;
  const guardian = await insertGuardian(db, { name: `世界 市民${n}`, kana: 'セカイ シミン', activity: '2023-04-01' });
  await insertPeriod(db, guardian, 'bank', '2024-04-01');
  const course = (await db('guardian_courses').where({ fiscal_year: 2024 }).first('id'))?.id ?? (await insertCourse(db, 2024)).id;
  const once = async (table: string, key: Record<string, unknown>) => {
    await db(table).insert(key).onConflict(Object.keys(key)).ignore();
    return (await db(table).where(key).first('id')).id as number;
  };
  const figuresFy = 2001;
  await once('past_figure_sets', { report_id: FIGURES_REPORT, fiscal_year: figuresFy });
  return {
    subsidy: await subsidy(false), decidedSubsidy: await subsidy(true), subsidyBatch: await batch('subsidies'),
    guardian, course, enrolment: await enrolDirect(db, course, guardian), followup: await insertSession(db, '2024-06-01', `ファズ研修${n}`, [guardian]),
    appointment: await insertAppointment(db, guardian, person, '2024-06-01'), traineesBatch: await batch('trainees'), followupBatch: await batch('followup'),
    courtUserYear: await once('court_user_years', { year: 2001 }),
    indicatorTarget: (await db('indicator_targets').where({ indicator: 'court_users' }).first('id')).id,
    figuresFy,
    person, person2, consultation: await consultation(false), deletedConsultation: await consultation(true), petition, otherWardPetition,
    relative, otherWardRelative, user: user.id, center: center.id,
    consultationBatch: await batch('consultations'), petitionBatch: await batch('petitions'),
    meeting: meeting.id, meetingCase: meetingCase.id, meetingBatch: await batch('meetings'),
  };
}

