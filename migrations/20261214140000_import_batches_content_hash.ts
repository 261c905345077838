import { Knex } from 'knex';

/**
 * A preview remembers its file's content hash (of the decoded text) and the earlier import it
 * looked like a repeat of, so 「すべて取り込む」 can insist on the explicit confirmation.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('import_batches', (t) => {
    t.text('content_hash');
    t.integer('duplicate_of');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('import_batches', (t) => {
    t.dropColumn('duplicate_of');
    t.dropColumn('content_hash');
  });
}
