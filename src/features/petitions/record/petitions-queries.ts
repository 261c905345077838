import { Knex } from 'knex';
import { Principal } from '../../../policy';
import { PetitionValues } from '../petitions-fields';
import { scopedPetitions } from '../petitions-scope';
import { StageStatus } from '../stages/petition-stages';

type Conn = Knex | Knex.Transaction;

export interface PetitionRow extends PetitionValues {
  id: number;
  person_id: number;
  close_kind: string | null;
  close_reason: string | null;
  /** the matching-meeting case whose recommendation completed stage 6 */
  meeting_case_id: number | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  ward_name: string;
  current_stage: number | null;
  stage_since: string | null;
  days_in_stage: number | null;
  closed: boolean;
  created_by_name: string | null;
  updated_by_name: string | null;
}

/** The petition (if this user's scope holds it) with its derived progress; days counted in SQL to `today`. */
export function findPetition(db: Conn, user: Principal, id: number, today: string): Promise<PetitionRow | undefined> {
  return scopedPetitions(db, user).where('p.id', id)
    .join('petition_progress as pp', 'pp.petition_id', 'p.id')
    .join('wards as w', 'w.id', 'p.ward_id')
    .leftJoin('users as cu', 'cu.id', 'p.created_by')
    .leftJoin('users as uu', 'uu.id', 'p.updated_by')
    .first('p.*', 'pp.current_stage', 'pp.stage_since', 'pp.closed', 'w.name as ward_name',
      db.raw('(?::date - pp.stage_since) AS days_in_stage', [today]),
      'cu.display_name as created_by_name', 'uu.display_name as updated_by_name');
}

/** Ids of this user's petitions matching `id`: the SQL guard every child query carries. */
const own = (db: Conn, user: Principal, id: number) => scopedPetitions(db, user).where('p.id', id).select('p.id');

export interface StageRow {
  id: number;
  stage: number;
  status: StageStatus;
  completed_on: string | null;
  note: string | null;
  recorded_at: Date;
  recorded_by_name: string | null;
}

export function stagesOf(db: Conn, user: Principal, id: number): Promise<StageRow[]> {
  return db('petition_stages as s').leftJoin('users as u', 'u.id', 's.recorded_by')
    .whereIn('s.petition_id', own(db, user, id)).orderBy('s.stage')
    .select('s.id', 's.stage', 's.status', 's.completed_on', 's.note', 's.recorded_at', 'u.display_name as recorded_by_name');
}

export interface RelativeRow {
  id: number;
  name: string;
  relation: string;
  degree: number;
  enquiry_sent_on: string | null;
  reply: string | null;
  reply_on: string | null;
  version: number;
}

export function relativesOf(db: Conn, user: Principal, id: number): Promise<RelativeRow[]> {
  return db('petition_relatives as r').whereIn('r.petition_id', own(db, user, id)).orderBy(['r.degree', 'r.id'])
    .select('r.id', 'r.name', 'r.relation', 'r.degree', 'r.enquiry_sent_on', 'r.reply', 'r.reply_on', 'r.version');
}

export function findRelative(db: Conn, user: Principal, id: number, relativeId: number): Promise<RelativeRow | undefined> {
  return db('petition_relatives as r').whereIn('r.petition_id', own(db, user, id)).where('r.id', relativeId)
    .first('r.id', 'r.name', 'r.relation', 'r.degree', 'r.enquiry_sent_on', 'r.reply', 'r.reply_on', 'r.version');
}

/** document_id → gathered_on (null when checked without a date). */
export async function documentsOf(db: Conn, user: Principal, id: number): Promise<Map<number, string | null>> {
  const rows: { document_id: number; gathered_on: string | null }[] = await db('petition_documents as d')
    .whereIn('d.petition_id', own(db, user, id)).select('d.document_id', 'd.gathered_on');
  return new Map(rows.map((r) => [r.document_id, r.gathered_on]));
}

export async function motiveIdsOf(db: Conn, user: Principal, id: number): Promise<number[]> {
  const rows: { motive_id: number }[] = await db('petition_motives as m')
    .whereIn('m.petition_id', own(db, user, id)).orderBy('m.motive_id').select('m.motive_id');
  return rows.map((r) => r.motive_id);
}

export interface HistoryRow { id: number; at: Date; user_name: string | null; field: string; old_value: string | null; new_value: string | null }

/** The newest HISTORY_LIMIT changes, newest first (a petition gathers tens to a few hundred). */
export const HISTORY_LIMIT = 500;

export function historyOf(db: Conn, user: Principal, id: number): Promise<HistoryRow[]> {
  return db('petition_history as h').leftJoin('users as u', 'u.id', 'h.user_id')
    .whereIn('h.petition_id', own(db, user, id))
    .orderBy([{ column: 'h.at', order: 'desc' }, { column: 'h.id', order: 'desc' }]).limit(HISTORY_LIMIT)
    .select('h.id', 'h.at', 'u.display_name as user_name', 'h.field', 'h.old_value', 'h.new_value');
}
