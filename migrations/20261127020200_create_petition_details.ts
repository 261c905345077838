import { Knex } from 'knex';

/** Relatives found in the family-register search, the motives, the documents checklist, the field history. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('petition_relatives', (t) => {
    t.increments('id');
    t.integer('petition_id').notNullable().references('petitions.id').onDelete('CASCADE');
    t.text('name').notNullable();
    t.text('relation').notNullable();
    t.integer('degree').notNullable();
    t.date('enquiry_sent_on');
    t.text('reply');
    t.date('reply_on');
    t.integer('version').notNullable().defaultTo(1);
    t.index(['petition_id']);
  });
  await knex.raw('ALTER TABLE petition_relatives ADD CONSTRAINT petition_relatives_degree_check CHECK (degree IN (1, 2))');
  await knex.raw(`ALTER TABLE petition_relatives ADD CONSTRAINT petition_relatives_reply_check CHECK (reply IS NULL OR reply IN ('申立て可','不可','無回答','反対'))`);
  await knex.schema.createTable('petition_motives', (t) => {
    t.integer('petition_id').notNullable().references('petitions.id').onDelete('CASCADE');
    t.integer('motive_id').notNullable().references('code_entries.id');
    t.primary(['petition_id', 'motive_id']);
  });
  await knex.schema.createTable('petition_documents', (t) => {
    t.integer('petition_id').notNullable().references('petitions.id').onDelete('CASCADE');
    t.integer('document_id').notNullable().references('code_entries.id');
    t.date('gathered_on');
    t.primary(['petition_id', 'document_id']);
  });
  await knex.schema.createTable('petition_history', (t) => {
    t.bigIncrements('id');
    t.integer('petition_id').notNullable().references('petitions.id').onDelete('CASCADE');
    t.timestamp('at', { useTz: true }).notNullable();
    t.integer('user_id').references('users.id');
    t.text('field').notNullable();
    t.text('old_value');
    t.text('new_value');
    t.index(['petition_id', 'at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const t of ['petition_history', 'petition_documents', 'petition_motives', 'petition_relatives']) await knex.schema.dropTable(t);
}
