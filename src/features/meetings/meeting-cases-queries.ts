/** Reading cases: one live case of a live meeting (with its person and petition), and a person's petitions to link. */
import { Knex } from 'knex';
import { stageDef } from '../petitions/petition-stages';
import type { Accepted } from './meetings-options';

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

export function findCase(db: Conn, meetingId: number, caseId: number): Promise<CaseRow | undefined> {
  return db('meeting_cases as c').where({ 'c.id': caseId, 'c.meeting_id': meetingId }).whereNull('c.deleted_at')
    .join('meetings as m', 'm.id', 'c.meeting_id').whereNull('m.deleted_at')
    .join('persons as per', 'per.id', 'c.person_id')
    .leftJoin('wards as w', 'w.id', 'per.ward_id')
    .leftJoin('petitions as p', 'p.id', 'c.petition_id')
    .leftJoin('citizen_guardians as cg', 'cg.id', 'c.candidate_guardian_id')
    .leftJoin('users as cu', 'cu.id', 'c.created_by')
    .leftJoin('users as uu', 'uu.id', 'c.updated_by')
    .first('c.*', 'm.held_on', 'm.place', 'per.name as person_name', 'per.name_kana as person_kana', 'per.birth_date', 'per.address',
      'w.name as person_ward', 'p.case_number', 'cg.name as candidate_guardian_name', 'cg.name_kana as candidate_guardian_kana',
      'cu.display_name as created_by_name', 'uu.display_name as updated_by_name');
}

export interface PetitionChoice { id: number; label: string }

/** The person's petitions, newest first: '番号 12（東区・現在 6 受任調整）'. */
export async function petitionChoices(db: Conn, personId: number | null): Promise<PetitionChoice[]> {
  if (personId === null) return [];
  const rows: { id: number; ward: string; current_stage: number | null; close_kind: string | null }[] = await db('petitions as p')
    .join('petition_progress as pp', 'pp.petition_id', 'p.id').join('wards as w', 'w.id', 'p.ward_id')
    .where('p.person_id', personId).orderBy('p.id', 'desc').select('p.id', 'w.name as ward', 'pp.current_stage', 'p.close_kind');
  return rows.map((r) => ({
    id: r.id,
    label: `番号 ${r.id}（${r.ward}・${r.current_stage ? `現在 ${r.current_stage} ${stageDef(r.current_stage).name}` : `終結（${r.close_kind ?? '記録なし'}）`}）`,
  }));
}

export interface StageState {
  /** stage 6 is recorded with this case as its record */
  byThisCase: boolean;
  /** stage 6 is recorded otherwise (不要, by hand, or by another case) */
  otherwise: boolean;
  current_stage: number | null;
}

/** Where the linked petition stands with stage 6. */
export async function stageStateOf(db: Conn, petitionId: number, caseId: number): Promise<StageState> {
  const row = await db('petitions as p').join('petition_progress as pp', 'pp.petition_id', 'p.id').where('p.id', petitionId)
    .first('p.meeting_case_id', 'pp.current_stage',
      db.raw('EXISTS (SELECT 1 FROM petition_stages s WHERE s.petition_id = p.id AND s.stage = 6) AS recorded'));
  const byThisCase = row.recorded && row.meeting_case_id === caseId;
  return { byThisCase, otherwise: row.recorded && !byThisCase, current_stage: row.current_stage };
}

/** The petition whose stage 6 is this case's record, if any. */
export async function lockedPetitionOf(db: Conn, caseId: number): Promise<number | null> {
  const row = await db('petitions').where({ meeting_case_id: caseId }).first('id');
  return row?.id ?? null;
}
