import { Knex } from 'knex';

/** An uploaded file between its preview and the user's "import all": rows already parsed. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('import_batches', (t) => {
    t.increments('id');
    t.text('kind').notNullable();
    t.integer('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.jsonb('rows').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['user_id', 'created_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('import_batches');
}
