/**
 * Storing imported petitions inside the import's transaction: the person matched by kana + birth
 * date (else created, with kana_key and the ward: import-persons.ts), the petition with its dates copied to its
 * fields, and its stages — dated ones 'done', undated ones before the latest date 'historical'.
 */
import { Knex } from 'knex';
import { personFor } from '../../imports';
import type { ImportActor } from '../../../contracts/import-kind';
import type { StageDateColumn } from './petitions-import-cells';

export interface PetitionImport {
  name: string;
  name_kana: string;
  kana_key: string;
  birth_date: string;
  ward_id: number;
  legal_basis_id: number | null;
  type_sought_id: number | null;
  case_number: string | null;
  /** the stages with a date, in stage order */
  dated: { stage: number; on: string; field: StageDateColumn['field'] }[];
}

/** The last stage the row records (0: none, the petition starts at 相談受付). */
export const latestStage = (r: PetitionImport) => r.dated.at(-1)?.stage ?? 0;

/** Rows 1 … latest: 'done' with the date where one is given, 'historical' (date unknown) otherwise. */
export function stageRows(r: PetitionImport): { stage: number; status: 'done' | 'historical'; completed_on: string | null }[] {
  const on = new Map(r.dated.map((d) => [d.stage, d.on]));
  return Array.from({ length: latestStage(r) }, (_, i) => {
    const date = on.get(i + 1) ?? null;
    return { stage: i + 1, status: date ? 'done' : 'historical', completed_on: date };
  });
}

export async function insertPetitions(trx: Knex.Transaction, records: PetitionImport[], actor: ImportActor): Promise<void> {
  const seen = new Map<string, number>();
  for (const r of records) {
    const personId = await personFor(trx, r, actor, seen);
    const dateFields = Object.fromEntries(r.dated.filter((d) => d.field !== null).map((d) => [d.field, d.on]));
    const [petition] = await trx('petitions').insert({
      person_id: personId, ward_id: r.ward_id, legal_basis_id: r.legal_basis_id, type_sought_id: r.type_sought_id,
      case_number: r.case_number, ...dateFields,
      created_at: actor.now, created_by: actor.userId, updated_at: actor.now, updated_by: actor.userId,
    }).returning('id');
    const stages = stageRows(r);
    if (stages.length > 0) {
      await trx('petition_stages').insert(stages.map((s) => ({ ...s, petition_id: petition.id, recorded_by: actor.userId, recorded_at: actor.now })));
    }
  }
}
