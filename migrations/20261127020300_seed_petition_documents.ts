import { Knex } from 'knex';

/** Data migration: the documents checklist for a petition, as an admin-maintained code list. */
const DOCUMENTS = [
  '申立書', '申立事情説明書', '親族関係図', '本人の財産目録', '本人の収支予定表', '診断書（成年後見制度用）',
  '本人情報シート', '本人の戸籍謄本', '本人の住民票', '登記されていないことの証明書', '後見人等候補者事情説明書', '療育手帳・障害者手帳等の写し',
];

export async function up(knex: Knex): Promise<void> {
  const existing = await knex('code_entries').where({ list: 'petition_document' }).first('id');
  if (existing) return;
  await knex('code_entries').insert(DOCUMENTS.map((label, i) => ({ list: 'petition_document', label, sort_order: i + 1 })));
}

export async function down(knex: Knex): Promise<void> {
  await knex('code_entries').where({ list: 'petition_document' }).del();
}
