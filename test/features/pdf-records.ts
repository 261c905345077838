/**
 * Records for the PDF tests, inserted directly (what is under test is how they print): every
 * field a PDF prints filled to the maximum its form accepts, master entries (code lists,
 * categories, centres) with names of the masters' maximum length, and the URLs of every PDF
 * route in the registry for them.
 */
import { Knex } from 'knex';
import { RouteSpec } from '../../src/http/routes';
import { CODE_LIST_NAMES } from '../../seeds/master-lists';
import { REPORTS } from '../../src/features';
import { insertPerson } from '../helpers/factories';

/** Text of exactly `max` UTF-16 units for a field; `kind` says which field (names, kana, free text). */
export type Filler = (max: number, kind: 'name' | 'kana' | 'text' | 'label') => string;

const repeatTo = (pattern: string, n: number) => pattern.repeat(Math.ceil(n / pattern.length)).slice(0, n);

/** The longest values the forms accept: names without a break, free text in paragraphs, digits and Latin letters mixed in. */
export const longest: Filler = (max, kind) => {
  if (kind === 'kana') return repeatTo('クマモトタロウ', max);
  if (kind === 'name' || kind === 'label') return repeatTo('熊本後見支援成年', max);
  return repeatTo('成年後見制度の利用について相談があり、財産管理と身上保護の両面から検討した。ABC-123（令和8年）「確認済」\n', max);
};

/** The ids of one set of records, each PDF route's :params. */
export interface PdfRecords {
  consultation: number;
  petition: number;
  meeting: number;
  meetingCase: number;
  approvedSubsidy: number;
  rejectedSubsidy: number;
}

const MASTER_MAX = 60;
let seq = 0;

/** A new entry in every code list, a new category (under a new parent), centre and ward, named with `fill`; their ids. */
async function masters(db: Knex, fill: Filler, n: number) {
  const code: Record<string, number> = {};
  for (const list of Object.keys(CODE_LIST_NAMES)) {
    const label = `${n}${fill(MASTER_MAX - String(n).length, 'label')}`;
    code[list] = (await db('code_entries').insert({ list, label, sort_order: 900 + n }).returning('id'))[0].id;
  }
  const parent = (await db('consultation_categories').insert({ name: `${n}${fill(MASTER_MAX - String(n).length, 'label')}`, sort_order: 900 + n }).returning('id'))[0].id;
  const category = (await db('consultation_categories').insert({ parent_id: parent, name: `子${n}${fill(MASTER_MAX - 1 - String(n).length, 'label')}`, sort_order: 1 }).returning('id'))[0].id;
  const center = (await db('referral_centers').insert({ kind: 'その他', name: `${n}${fill(MASTER_MAX - String(n).length, 'label')}`, sort_order: 900 + n }).returning('id'))[0].id;
  const ward = (await db('wards').insert({ name: `${n}${fill(MASTER_MAX - String(n).length, 'label')}`, sort_order: 900 + n }).returning('id'))[0].id;
  return { code, category, center, ward };
}

/** One record behind every record PDF, each printed field at its maximum length (filled by `fill`). */
export async function makePdfRecords(db: Knex, staffId: number, fill: Filler = longest): Promise<PdfRecords> {
  const n = ++seq;
  const m = await masters(db, fill, n);
  const ward = m.ward;
  const by = { created_by: staffId, updated_by: staffId };
  const person = await insertPerson(db, {
    name: fill(100, 'name'), name_kana: fill(100, 'kana'), birth_date: '1940-01-01', ward_id: ward, address: fill(200, 'text').replace(/\n/g, ''),
  });
  const [consultation] = await db('consultations').insert({
    consulted_on: '2026-11-01', start_time: '09:30', duration_minutes: 1440, method_id: m.code.consultation_method, consultee_id: m.code.consultee,
    category_id: m.category, ward_id: ward, person_id: person, age_band_id: m.code.age_band, sex_id: m.code.sex, condition_id: m.code.condition,
    referral_center_id: m.center, content: fill(10000, 'text'), response: fill(10000, 'text'), referral: fill(2000, 'text'),
    follow_up_on: '2026-11-20', staff_id: staffId, ...by,
  }).returning('id');
  const [petition] = await db('petitions').insert({
    person_id: person, ward_id: ward, legal_basis_id: m.code.legal_basis, reason: 'その他', reason_note: fill(1000, 'text'), urgency: '緊急',
    type_sought_id: m.code.guardianship_type, case_number: '令和8年(家)第123456号', close_kind: '取下げ', close_reason: fill(1000, 'text'),
    created_at: new Date('2026-10-01T09:00:00+09:00'),
  }).returning('id');
  for (let stage = 1; stage <= 12; stage++) {
    await db('petition_stages').insert({ petition_id: petition.id, stage, status: 'done', completed_on: '2026-10-31', note: fill(1000, 'text') });
  }
  for (let degree = 1; degree <= 2; degree++) {
    await db('petition_relatives').insert({
      petition_id: petition.id, name: fill(100, 'name'), relation: fill(50, 'name'), degree, enquiry_sent_on: '2026-10-10', reply: '申立て可', reply_on: '2026-10-20',
    });
  }
  const [meeting] = await db('meetings').insert({ held_on: '2026-11-02', place: fill(200, 'text').replace(/\n/g, ''), minutes: fill(20000, 'text'), ...by }).returning('id');
  for (let position = 0; position < 3; position++) {
    await db('meeting_attendees').insert({ meeting_id: meeting.id, position, org_id: m.code.attendee_org, role: fill(50, 'name'), name: fill(100, 'name') });
  }
  const [meetingCase] = await db('meeting_cases').insert({
    meeting_id: meeting.id, person_id: person, petition_id: petition.id, needs_summary: fill(2000, 'text'), recommended_type_id: m.code.guardian_kind,
    candidate_name: fill(100, 'name'), reasons: fill(2000, 'text'), candidate_accepted: '否', sent_to_court_on: '2026-11-10',
    appointed_type_id: m.code.guardian_kind, ...by,
  }).returning('id');
  const subsidy = async (decision: '承認' | '却下') => (await db('subsidies').insert({
    person_id: person, ward_id: ward, guardian_name: fill(100, 'name'), guardian_relation_id: m.code.guardian_relation, petition_type: '市長',
    received_on: '2026-10-15', court_decided_on: '2026-10-01', case_number: '令和8年(家)第123456号', period_from: '2016-10-01', period_to: '2026-09-30',
    fee_awarded_yen: 2_000_000_000, home_months: 120, facility_months: 120, home_cap_yen: 28000, facility_cap_yen: 18000, eligibility: '生活保護',
    funding_line: '高齢', granted_yen: decision === '承認' ? 5_520_000 : null, status: '決定', decision, decided_on: '2026-11-02',
    decision_number: fill(50, 'name'), decision_reason: decision === '却下' ? fill(1000, 'text') : null, ...by,
  }).returning('id'))[0].id as number;
  return {
    consultation: consultation.id, petition: petition.id, meeting: meeting.id, meetingCase: meetingCase.id,
    approvedSubsidy: await subsidy('承認'), rejectedSubsidy: await subsidy('却下'),
  };
}

/** A route that answers with a PDF: its path ends in /pdf or .pdf, or it is the reports' file route (`:file` = id.pdf). */
export const isPdfRoute = (r: RouteSpec) => r.method === 'get' && (/[/.]pdf$/.test(r.path) || r.path === '/reports/:file');

/** The URLs of a PDF route for the records (reports for their default period: this fiscal year or the last five); an error names a PDF route this file does not know yet. */
export function pdfUrlsFor(route: RouteSpec, rec: PdfRecords, fy: number): string[] {
  const byPath: Record<string, () => string[]> = {
    '/consultations/:consultationId/pdf': () => [`/consultations/${rec.consultation}/pdf`],
    '/petitions/:id/pdf': () => [`/petitions/${rec.petition}/pdf`],
    '/meetings/:meetingId/pdf': () => [`/meetings/${rec.meeting}/pdf`],
    '/meetings/:meetingId/cases/:caseId/pdf': () => [`/meetings/${rec.meeting}/cases/${rec.meetingCase}/pdf`],
    '/subsidies/:subsidyId/pdf': () => [`/subsidies/${rec.approvedSubsidy}/pdf`, `/subsidies/${rec.rejectedSubsidy}/pdf`],
    '/reports/annual.pdf': () => [`/reports/annual.pdf?fy=${fy}`],
    '/reports/:file': () => REPORTS.map((r) => `/reports/${r.id}.pdf`),
  };
  const urls = byPath[route.path];
  if (!urls) throw new Error(`no records for the PDF route ${route.path}: add it to test/features/pdf-records.ts`);
  return urls();
}
