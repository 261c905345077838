import { Knex } from 'knex';

/**
 * The rows of each committed import as fingerprints (a hash of what makes two rows the same
 * record: date, person, category, text …), with how many rows of the batch had it. The key leads
 * with (kind, fingerprint), so checking a new file's rows is an indexed lookup, not a scan.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('imported_row_fingerprints', (t) => {
    t.text('kind').notNullable();
    t.text('fingerprint').notNullable();
    t.integer('batch_id').notNullable().references('imported_batches.id');
    t.integer('rows').notNullable();
    t.primary(['kind', 'fingerprint', 'batch_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('imported_row_fingerprints');
}
