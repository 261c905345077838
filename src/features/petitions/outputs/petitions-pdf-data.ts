/**
 * What the 市長申立て進行管理票 prints, read in a few queries, each limited to the user's ward in
 * SQL. Of the person only 氏名, 氏名カナ, 生年月日 and 住所 are read (what a ward user may see).
 */
import { Knex } from 'knex';
import { Principal } from '../../../policy';
import { StageStatus } from '../stages/petition-stages';
import { scopedPetitions } from '../petitions-scope';
import type { RelativeRow } from '../record/petitions-queries';

export interface SheetPetition {
  id: number;
  ward_name: string;
  legal_basis: string | null;
  reason: string | null;
  reason_note: string | null;
  urgency: string;
  type_sought: string | null;
  case_number: string | null;
  close_kind: string | null;
  close_reason: string | null;
  current_stage: number | null;
  name: string;
  name_kana: string;
  birth_date: string | null;
  address: string | null;
}

export interface SheetStage { stage: number; status: StageStatus; completed_on: string | null; note: string | null }

/** A relative as the sheet prints it: the record page's row without its id and version. */
export type SheetRelative = Omit<RelativeRow, 'id' | 'version'>;

export interface SheetData { petition: SheetPetition; stages: SheetStage[]; relatives: SheetRelative[] }

export async function loadSheet(db: Knex, user: Principal, id: number): Promise<SheetData | undefined> {
  const petition: SheetPetition | undefined = await scopedPetitions(db, user).where('p.id', id)
    .join('persons as per', 'per.id', 'p.person_id')
    .join('wards as w', 'w.id', 'p.ward_id')
    .join('petition_progress as pp', 'pp.petition_id', 'p.id')
    .leftJoin('code_entries as lb', 'lb.id', 'p.legal_basis_id')
    .leftJoin('code_entries as ts', 'ts.id', 'p.type_sought_id')
    .first(
      'p.id', 'w.name as ward_name', 'lb.label as legal_basis', 'p.reason', 'p.reason_note', 'p.urgency', 'ts.label as type_sought',
      'p.case_number', 'p.close_kind', 'p.close_reason', 'pp.current_stage',
      'per.name', 'per.name_kana', 'per.birth_date', 'per.address',
    );
  if (!petition) return undefined;
  const [stages, relatives] = await Promise.all([
    db('petition_stages').where({ petition_id: id }).orderBy('stage').select('stage', 'status', 'completed_on', 'note'),
    db('petition_relatives').where({ petition_id: id }).orderBy(['degree', 'id'])
      .select('name', 'relation', 'degree', 'enquiry_sent_on', 'reply', 'reply_on'),
  ]);
  return { petition, stages, relatives };
}
