/** The citizen guardians a case may name as its candidate: those registered in the bank now (an open bank period). */
import { Knex } from 'knex';

type Conn = Knex | Knex.Transaction;

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
