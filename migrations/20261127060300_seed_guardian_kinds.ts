import { Knex } from 'knex';

/** Data migration: the guardian types a matching meeting recommends and a court appoints, as a code list an admin keeps. */
const KINDS = ['弁護士', '司法書士', '社会福祉士', '精神保健福祉士', '市民後見人', '法人後見', '親族'];

export async function up(knex: Knex): Promise<void> {
  const existing = await knex('code_entries').where({ list: 'guardian_kind' }).first('id');
  if (existing) return;
  await knex('code_entries').insert(KINDS.map((label, i) => ({ list: 'guardian_kind', label, sort_order: i + 1 })));
}

export async function down(knex: Knex): Promise<void> {
  await knex('code_entries').where({ list: 'guardian_kind' }).del();
}
