/**
 * What the subsidy form offers: wards and 成年後見人等と本人との関係 (master data), the fixed lists,
 * and the person's mayoral petitions to link to.
 */
import { Knex } from 'knex';
import { toWareki } from '../../lib/dates';
import type { Choice } from '../../contracts';
import { labelOf, loadMasterOptions, offered, selectOptions, type MasterOptions } from '../masters';
import { personPetitions } from '../petitions';
import { Allowed } from './subsidies-form';
import { ELIGIBILITIES, FUNDING_LINES, PETITION_TYPES } from './subsidies-values';

/** The wards and 成年後見人等と本人との関係 an application refers to, retired entries included. */
export type SubsidyOptions = MasterOptions;

export const loadSubsidyOptions = (db: Knex | Knex.Transaction): Promise<SubsidyOptions> => loadMasterOptions(db, ['guardian_relation']);

/** The ids a record already holds (a retired ward or relation stays selectable for it). */
export interface Held { ward_id?: number | null; guardian_relation_id?: number | null }

/** The person's petitions (not merged away), newest first, labelled by number, ward and filing date. */
export async function petitionChoices(db: Knex | Knex.Transaction, personId: number | null): Promise<Choice[]> {
  return (await personPetitions(db, personId)).map((r) => ({ id: r.id, label: `市長申立て 番号 ${r.id}（${r.ward}・${r.filed_on ? `申立日 ${toWareki(r.filed_on)}` : '申立て前'}）`, retired: false }));
}

export function allowedFor(o: SubsidyOptions, held: Held, petitions: Choice[]): Allowed {
  const ids = (choices: Choice[], h: number | null | undefined) => new Set(offered(choices, h).map((c) => c.id));
  return {
    ward_id: ids(o.wards, held.ward_id),
    guardian_relation_id: ids(o.lists.guardian_relation, held.guardian_relation_id),
    petition_id: new Set(petitions.map((p) => p.id)),
  };
}

const plain = (list: readonly string[]) => list.map((v) => ({ value: v, label: v }));

/** The options of every select on the form. */
export function formChoices(o: SubsidyOptions, held: Held, petitions: Choice[]) {
  return {
    ward_id: selectOptions(offered(o.wards, held.ward_id)),
    guardian_relation_id: selectOptions(offered(o.lists.guardian_relation, held.guardian_relation_id)),
    petition_id: selectOptions(petitions),
    petition_type: plain(PETITION_TYPES),
    eligibility: plain(ELIGIBILITIES),
    funding_line: plain(FUNDING_LINES),
  };
}

/** The label of a relation id, for the relative check. */
export const relationLabel = (o: SubsidyOptions) => (id: number) => (o.byId.get(id) ? labelOf(o, id) : undefined);
