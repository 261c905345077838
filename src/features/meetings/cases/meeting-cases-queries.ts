/** Reading cases: one live case of a live meeting (with its person and petition), and a person's petitions to link. */
import { Knex } from 'knex';
import type { Choice } from '../../../contracts';
import { personPetitions, petitionCaseNumber, stageDef } from '../../petitions';
import type { Accepted } from '../meetings-options';

type Conn = Knex | Knex.Transaction;

export interface CaseRow {
  id: number;
  meeting_id: number;
  held_on: string;
  place: string | null;
  person_id: number;
  person_name: string;
  person_kana: string;
  birth_date: string | null;
  address: string | null;
  person_ward: string | null;
  petition_id: number | null;
  case_number: string | null;
  needs_summary: string | null;
  recommended_type_id: number;
  candidate_name: string | null;
  candidate_guardian_id: number | null;
  candidate_guardian_name: string | null;
  candidate_guardian_kana: string | null;
  reasons: string | null;
  candidate_accepted: Accepted;
  sent_to_court_on: string | null;
  appointed_type_id: number | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  created_by_name: string | null;
  updated_by_name: string | null;
}

export async function findCase(db: Conn, meetingId: number, caseId: number): Promise<CaseRow | undefined> {
  const c: CaseRow | undefined = await db('meeting_cases as c').where({ 'c.id': caseId, 'c.meeting_id': meetingId }).whereNull('c.deleted_at')
    .join('meetings as m', 'm.id', 'c.meeting_id').whereNull('m.deleted_at')
    .join('persons as per', 'per.id', 'c.person_id')
    .leftJoin('wards as w', 'w.id', 'per.ward_id')
    .leftJoin('citizen_guardians as cg', 'cg.id', 'c.candidate_guardian_id')
    .leftJoin('users as cu', 'cu.id', 'c.created_by')
    .leftJoin('users as uu', 'uu.id', 'c.updated_by')
    .first('c.*', 'm.held_on', 'm.place', 'per.name as person_name', 'per.name_kana as person_kana', 'per.birth_date', 'per.address',
      'w.name as person_ward', 'cg.name as candidate_guardian_name', 'cg.name_kana as candidate_guardian_kana',
      'cu.display_name as created_by_name', 'uu.display_name as updated_by_name');
  return c && { ...c, case_number: c.petition_id === null ? null : await petitionCaseNumber(db, c.petition_id) };
}

/** The person's petitions, newest first: '番号 12（東区・現在 6 受任調整）'. */
export async function petitionChoices(db: Conn, personId: number | null): Promise<Choice[]> {
  return (await personPetitions(db, personId)).map((r) => ({
    id: r.id,
    label: `番号 ${r.id}（${r.ward}・${r.current_stage ? `現在 ${r.current_stage} ${stageDef(r.current_stage).name}` : `終結（${r.close_kind ?? '記録なし'}）`}）`,
  }));
}

// The citizen guardians a case may name as its candidate: those registered in the bank now (an open bank period).

export interface GuardianChoice { id: number; name: string; name_kana: string; registered: boolean }

/** Current bank registrants in kana order, plus `held` (the one the case names already) even if withdrawn since. */
export function bankGuardianChoices(db: Conn, held: number | null): Promise<GuardianChoice[]> {
  return db('citizen_guardians as g').join('citizen_guardian_progress as p', 'p.guardian_id', 'g.id')
    .where((q) => {
      q.whereNotNull('p.bank_since');
      if (held !== null) q.orWhere('g.id', held);
    })
    .orderBy([{ column: 'g.kana_key' }, { column: 'g.id' }])
    .select('g.id', 'g.name', 'g.name_kana', db.raw('p.bank_since IS NOT NULL AS registered'));
}

/** '熊本 花子（クマモト ハナコ）', marked when no longer registered. */
export const guardianChoiceLabel = (g: GuardianChoice) => `${g.name}（${g.name_kana}）${g.registered ? '' : '・現在はバンク登録なし'}`;

export interface CandidateGuardian { candidate_guardian_name: string | null; candidate_guardian_kana: string | null }

/** The name of the citizen guardian `id` (for the conflict page's side of the form). */
export async function candidateGuardianOf(db: Conn, id: number | null): Promise<CandidateGuardian> {
  const g = id === null ? undefined : await db('citizen_guardians').where({ id }).first('name', 'name_kana');
  return { candidate_guardian_name: g?.name ?? null, candidate_guardian_kana: g?.name_kana ?? null };
}
