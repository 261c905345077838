import { Knex } from 'knex';

/**
 * persons.match_key: the 氏名カナ reduced so that spellings of one reading meet (long vowels,
 * small kana, voiced marks: kanaMatchKey in src/lib/kana.ts), for the kana search that finds
 * クマモトタロウ when クマモトタロー is typed. C collation, like kana_key, so a prefix match walks
 * the index; the index holds the search's keyset order (match_key, kana_key, id), so a page of
 * hits is read in order and a common surname costs what a rare one does. Filled, then made NOT
 * NULL, by the data migration that follows.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE persons ADD COLUMN match_key text COLLATE "C"');
  await knex.raw('CREATE INDEX persons_match_key ON persons (match_key, kana_key, id) WHERE merged_into_id IS NULL');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX persons_match_key');
  await knex.raw('ALTER TABLE persons DROP COLUMN match_key');
}
