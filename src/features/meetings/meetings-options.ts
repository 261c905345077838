/**
 * The code lists a meeting and its cases choose from: 会議出席機関 (attendee_org) and the
 * guardian types recommended and appointed (guardian_kind), retired entries included for showing
 * stored values and offered only to records that hold them.
 */
import { Knex } from 'knex';
import type { Choice } from '../../contracts';
import { codeChoices, offered, selectOptions } from '../masters';

export interface MeetingOptions {
  orgs: Choice[];
  kinds: Choice[];
  /** every entry read here by id, retired included */
  byId: Map<number, Choice>;
}

export const ACCEPTED_VALUES = ['可', '否', '未定'] as const;
export type Accepted = (typeof ACCEPTED_VALUES)[number];
export const ACCEPTED_LABELS: Record<Accepted, string> = { 可: '受任可', 否: '受任不可', 未定: '未定' };

export async function loadMeetingOptions(db: Knex | Knex.Transaction): Promise<MeetingOptions> {
  const [orgs, kinds] = await Promise.all([codeChoices(db, 'attendee_org'), codeChoices(db, 'guardian_kind')]);
  return { orgs, kinds, byId: new Map([...orgs, ...kinds].map((c) => [c.id, c])) };
}

/** '' for null or an id not read here. */
export const labelOf = (o: MeetingOptions, id: number | null | undefined): string => (id ? (o.byId.get(id)?.label ?? '') : '');

/** Select options: active entries plus the ones in `held`. */
export const choicesFor = (choices: Choice[], held: number[]) => selectOptions(offered(choices, held));

/** The ids a select may take: active entries plus the ones in `held`. */
export const allowedIds = (choices: Choice[], held: number[]) => new Set(offered(choices, held).map((c) => c.id));
