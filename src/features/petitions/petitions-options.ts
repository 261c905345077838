import { Knex } from 'knex';
import type { Choice } from '../../contracts';
import { loadMasterOptions, offered, type MasterOptions } from '../masters';

/** 類型 sought and decided: the statutory three only (任意後見 is a contract, not a petition). */
export const STATUTORY_TYPES = ['後見', '保佐', '補助'];

/** The record's code-list selects and the list each reads. */
export const CODE_SELECTS = {
  legal_basis_id: 'legal_basis',
  type_sought_id: 'guardianship_type',
  decision_type_id: 'guardianship_type',
  guardian_relation_id: 'guardian_relation',
} as const;
export type CodeSelect = keyof typeof CODE_SELECTS;

/** The code lists and wards a petition refers to. */
export type PetitionOptions = MasterOptions;

const LISTS = ['legal_basis', 'guardianship_type', 'guardian_relation', 'petition_motive', 'petition_document'];

/** The code lists and wards a petition refers to, in master order, retired entries included (類型: the statutory three). */
export function loadPetitionOptions(db: Knex | Knex.Transaction): Promise<PetitionOptions> {
  return loadMasterOptions(db, LISTS, (c) => c.list !== 'guardianship_type' || STATUTORY_TYPES.includes(c.label));
}

export const codeChoices = (o: PetitionOptions, field: CodeSelect) => o.lists[CODE_SELECTS[field]];

/** The ids each select and the motives checklist offered (active entries plus the record's own). */
export type Allowed = Record<'ward_id' | CodeSelect | 'motive_ids', Set<number>>;

export type Held = Partial<Record<'ward_id' | CodeSelect, number | null>> & { motive_ids?: number[] };

export function allowedFor(o: PetitionOptions, held: Held = {}): Allowed {
  const ids = (choices: Choice[], h: number | null | undefined | number[]) => new Set(offered(choices, h).map((c) => c.id));
  return {
    ward_id: ids(o.wards, held.ward_id),
    legal_basis_id: ids(codeChoices(o, 'legal_basis_id'), held.legal_basis_id),
    type_sought_id: ids(codeChoices(o, 'type_sought_id'), held.type_sought_id),
    decision_type_id: ids(codeChoices(o, 'decision_type_id'), held.decision_type_id),
    guardian_relation_id: ids(codeChoices(o, 'guardian_relation_id'), held.guardian_relation_id),
    motive_ids: ids(o.lists.petition_motive, held.motive_ids),
  };
}
