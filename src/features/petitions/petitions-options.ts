import { Knex } from 'knex';

/** One choice in a select or checklist; `retired` entries are offered only to records that hold them. */
export interface Choice { id: number; label: string; retired: boolean }

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

export interface PetitionOptions {
  lists: Record<string, Choice[]>;
  wards: Choice[];
  /** every code entry and ward read here, retired included, for showing stored values */
  byId: Map<number, Choice>;
  wardById: Map<number, Choice>;
}

const LISTS = ['legal_basis', 'guardianship_type', 'guardian_relation', 'petition_motive', 'petition_document'];

/** The code lists and wards a petition refers to, in master order, retired entries included. */
export async function loadPetitionOptions(db: Knex | Knex.Transaction): Promise<PetitionOptions> {
  const [codes, wards] = await Promise.all([
    db('code_entries').whereIn('list', LISTS)
      .orderBy([{ column: 'list' }, { column: 'sort_order' }, { column: 'id' }])
      .select('id', 'list', 'label', db.raw('retired_at is not null as retired')) as Promise<(Choice & { list: string })[]>,
    db('wards').orderBy([{ column: 'sort_order' }, { column: 'id' }])
      .select('id', 'name as label', db.raw('retired_at is not null as retired')) as Promise<Choice[]>,
  ]);
  const lists: Record<string, Choice[]> = Object.fromEntries(LISTS.map((l) => [l, []]));
  for (const c of codes) {
    if (c.list === 'guardianship_type' && !STATUTORY_TYPES.includes(c.label)) continue;
    lists[c.list].push({ id: c.id, label: c.label, retired: c.retired });
  }
  return { lists, wards, byId: new Map(codes.map((c) => [c.id, c])), wardById: new Map(wards.map((w) => [w.id, w])) };
}

/** What a form offers: active entries plus those the record already holds. */
export function offered(choices: Choice[], held: number | null | undefined | number[]): Choice[] {
  const keep = new Set(Array.isArray(held) ? held : held ? [held] : []);
  return choices.filter((c) => !c.retired || keep.has(c.id));
}

export const codeChoices = (o: PetitionOptions, field: CodeSelect) => o.lists[CODE_SELECTS[field]];

/** '' for null or an unknown id. */
export function labelOf(o: PetitionOptions, id: number | null | undefined): string {
  return id ? (o.byId.get(id)?.label ?? '') : '';
}

export function wardLabel(o: PetitionOptions, id: number | null | undefined): string {
  return id ? (o.wardById.get(id)?.label ?? '') : '';
}

/** For the select partial: { value, label } with （使用停止） marked. */
export function selectOptions(choices: Choice[]): { value: number | string; label: string }[] {
  return choices.map((c) => ({ value: c.id, label: c.retired ? `${c.label}（使用停止）` : c.label }));
}

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
