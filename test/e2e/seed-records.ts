/**
 * One person with a full file, as a year of work leaves it: a consultation, a petition half way
 * (stages 1–7 with every field, relatives, documents, a long change history), a fee subsidy, a
 * matching meeting with its case, and a citizen guardian appointed. Typed in on one day
 * (TYPED_AT) with business dates on others, so the record pages and their print are
 * exercised at their longest, and the timeline is dated by the work, not the typing.
 */
import { Knex } from 'knex';
import { personColumns } from '../../src/features/persons/persons-queries';
import { kanaSearchKey } from '../../src/lib/kana';
import { FULL_RECORD, RecordIds } from './seed-data';

/** The day every record below was typed in (a catch-up day), unlike any of their business dates. */
const TYPED_AT = new Date('2026-12-01T10:00:00+09:00');

export const codeId = async (db: Knex, list: string, label: string): Promise<number> =>
  (await db('code_entries').where({ list, label }).first('id')).id;
export const wardId = async (db: Knex, name: string): Promise<number> => (await db('wards').where({ name }).first('id')).id;
export const insertId = async (db: Knex, table: string, row: Record<string, unknown>): Promise<number> =>
  ((await db(table).insert(row).returning('id'))[0] as { id: number }).id;

async function person(db: Knex, staffId: number): Promise<number> {
  const stamp = { created_at: TYPED_AT, updated_at: TYPED_AT, created_by: staffId, updated_by: staffId };
  return insertId(db, 'persons', {
    ...personColumns({
      name: FULL_RECORD.name, name_kana: FULL_RECORD.kana, birth_date: '1938-09-12', sex_id: await codeId(db, 'sex', '男性'),
      ward_id: await wardId(db, '西区'), address: '熊本市西区春日1丁目2番3号 春日ハイツ101', phone: '096-355-1234',
      condition_id: await codeId(db, 'condition', '認知症'), handbook_type_id: null, handbook_grade: null,
      care_level_id: await codeId(db, 'care_level', '要介護3'), living: '在宅', welfare_status: '受給中',
      guardianship_type_id: null, guardian_name: null, guardian_relation_id: null,
      notes: '独居。近所の民生委員が週に一度訪問している。金銭管理に不安があり、ささえりあから紹介。',
    }),
    ...stamp,
  });
}

async function petition(db: Knex, personId: number, staffId: number): Promise<number> {
  const id = await insertId(db, 'petitions', {
    person_id: personId, ward_id: await wardId(db, '西区'), legal_basis_id: await codeId(db, 'legal_basis', '老人福祉法第32条'),
    reason: '親族なし', reason_note: '兄弟はすでに亡くなり、甥・姪とは30年以上音信がない。', urgency: '緊急',
    referral_source: 'ささえりあ城南', type_sought_id: await codeId(db, 'guardianship_type', '後見'),
    survey_visit_on: '2025-05-02', person_wishes: '自宅で暮らし続けたい。お金のことは誰かに任せたい。', diagnosis: 'アルツハイマー型認知症',
    doctor_name: '熊本 医師', medical_certificate_on: '2025-07-10', capacity_opinion: '自己の財産を管理・処分することができない。',
    matching_recommendation: '社会福祉士を推薦（身上保護の課題が中心のため）', approved_on: '2025-09-01', approval_number: '熊健福第2025-88号',
    created_at: TYPED_AT, updated_at: TYPED_AT, created_by: staffId, updated_by: staffId,
  });
  const stageDays = ['2025-04-15', '2025-05-02', '2025-06-20', '2025-07-10', '2025-08-05', '2025-08-20', '2025-09-01'];
  await db('petition_stages').insert(stageDays.map((on, i) => ({
    petition_id: id, stage: i + 1, status: 'done', completed_on: on, recorded_by: staffId, recorded_at: TYPED_AT,
    note: i === 2 ? '甥2人に照会、1人は無回答、1人は反対なし' : null,
  })));
  await db('petition_relatives').insert([
    { petition_id: id, name: '阿蘇 次郎', relation: '甥', degree: 2, enquiry_sent_on: '2025-06-01', reply: '無回答', reply_on: null },
    { petition_id: id, name: '阿蘇 三郎', relation: '甥', degree: 2, enquiry_sent_on: '2025-06-01', reply: '申立て可', reply_on: '2025-06-15' },
    { petition_id: id, name: '菊池 花', relation: '姪', degree: 2, enquiry_sent_on: '2025-06-01', reply: '不可', reply_on: '2025-06-18' },
    { petition_id: id, name: '阿蘇 四郎', relation: '甥', degree: 2, enquiry_sent_on: '2025-06-03', reply: '反対', reply_on: '2025-06-19' },
  ]);
  const docs = await db('code_entries').where({ list: 'petition_document' }).orderBy('sort_order').select('id');
  await db('petition_documents').insert(docs.slice(0, Math.ceil(docs.length / 2)).map((d, i) => ({
    petition_id: id, document_id: d.id, gathered_on: `2025-07-${String(11 + i).padStart(2, '0')}`,
  })));
  await db('petition_motives').insert([{ petition_id: id, motive_id: await codeId(db, 'petition_motive', '預貯金等の管理・解約') },
    { petition_id: id, motive_id: await codeId(db, 'petition_motive', '介護保険契約') }]);
  // A year of edits: every field written once, some twice.
  const fields = ['紹介元', '市長申立ての理由', '理由の補足', '緊急度', '訪問日', '本人の意向', '診断名', '医師名', '診断書の日付',
    '判断能力についての医師の所見', '受任調整会議の推薦', '決裁日', '決裁番号', '申し立てる類型', '根拠法'];
  await db('petition_history').insert([...fields, ...fields.slice(0, 10)].map((field, i) => ({
    petition_id: id, at: new Date(TYPED_AT.getTime() + i * 60_000), user_id: staffId, field, old_value: i < fields.length ? null : '（前の値）', new_value: `${field}の値`,
  })));
  return id;
}

async function subsidy(db: Knex, personId: number, petitionId: number, staffId: number): Promise<number> {
  return insertId(db, 'subsidies', {
    person_id: personId, ward_id: await wardId(db, '西区'), petition_id: petitionId, guardian_name: '後見 一郎',
    guardian_relation_id: await codeId(db, 'guardian_relation', '社会福祉士'), petition_type: '市長', received_on: '2025-11-04',
    court_decided_on: '2025-10-20', case_number: '令和7年(家)第1234号', period_from: '2024-10-01', period_to: '2025-09-30',
    fee_awarded_yen: 240000, home_months: 12, facility_months: 0, home_cap_yen: 28000, facility_cap_yen: 18000,
    eligibility: '生活保護', funding_line: '高齢', granted_yen: 240000, status: '受付',
    created_at: TYPED_AT, updated_at: TYPED_AT, created_by: staffId, updated_by: staffId,
  });
}

async function meeting(db: Knex, personId: number, staffId: number): Promise<{ meetingId: number; caseId: number }> {
  const meetingId = await insertId(db, 'meetings', {
    held_on: '2025-08-20', place: '熊本市役所 会議室', minutes: '本人の状況と候補者の種別について協議した。\n社会福祉士を推薦することとした。',
    created_at: TYPED_AT, updated_at: TYPED_AT, created_by: staffId, updated_by: staffId,
  });
  const orgs = ['弁護士会', '司法書士会', '社会福祉士会', '市', 'センター'];
  await db('meeting_attendees').insert(await Promise.all(orgs.map(async (org, i) => ({
    meeting_id: meetingId, position: i, org_id: await codeId(db, 'attendee_org', org), role: '委員', name: `委員 ${i + 1}`,
  }))));
  const caseId = await insertId(db, 'meeting_cases', {
    meeting_id: meetingId, person_id: personId, recommended_type_id: await codeId(db, 'guardian_kind', '社会福祉士'),
    needs_summary: '金銭管理と介護サービスの契約', reasons: '身上保護の課題が中心', candidate_accepted: '可',
    created_at: TYPED_AT, updated_at: TYPED_AT, created_by: staffId, updated_by: staffId,
  });
  return { meetingId, caseId };
}

async function guardian(db: Knex, personId: number): Promise<number> {
  const kana = 'シミン ハナコ';
  const id = await insertId(db, 'citizen_guardians', {
    name: '市民 花子', name_kana: kana, kana_key: kanaSearchKey(kana), birth_date: '1958-06-01', activity_started_on: '2021-04-01',
    address: '熊本市中央区手取本町1-1', phone: '096-328-0000', created_at: TYPED_AT, updated_at: TYPED_AT,
  });
  await db('guardian_periods').insert({ guardian_id: id, kind: 'bank', started_on: '2023-04-01' });
  await db('guardian_appointments').insert({
    guardian_id: id, person_id: personId, appointed_on: '2026-02-10', guardianship_type_id: await codeId(db, 'guardianship_type', '後見'),
    created_at: TYPED_AT, updated_at: TYPED_AT,
  });
  return id;
}

export async function seedFullRecord(db: Knex, staffId: number): Promise<RecordIds> {
  const personId = await person(db, staffId);
  const category = await db('consultation_categories').where({ name: '申立支援' }).first('id');
  const consultationId = await insertId(db, 'consultations', {
    consulted_on: '2024-05-20', category_id: category.id, staff_id: staffId, person_id: personId, content: '金銭管理について民生委員から相談',
    created_at: TYPED_AT, updated_at: TYPED_AT, created_by: staffId, updated_by: staffId,
  });
  const petitionId = await petition(db, personId, staffId);
  const subsidyId = await subsidy(db, personId, petitionId, staffId);
  const { meetingId, caseId } = await meeting(db, personId, staffId);
  const guardianId = await guardian(db, personId);
  return { personId, consultationId, petitionId, subsidyId, meetingId, caseId, guardianId };
}
