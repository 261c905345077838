import { Knex } from 'knex';

/** 市民後見人養成講座: one cohort per fiscal year, and its (ten) days with date and topic. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('guardian_courses', (t) => {
    t.increments('id');
    t.integer('fiscal_year').notNullable().unique();
    t.text('title').notNullable();
    t.integer('version').notNullable().defaultTo(1);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.integer('created_by').references('users.id');
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.integer('updated_by').references('users.id');
  });
  await knex.schema.createTable('guardian_course_days', (t) => {
    t.increments('id');
    t.integer('course_id').notNullable().references('guardian_courses.id').onDelete('CASCADE');
    t.integer('day_no').notNullable();
    t.date('held_on').notNullable();
    t.text('topic').notNullable();
    t.unique(['course_id', 'day_no']);
  });
  await knex.raw('ALTER TABLE guardian_course_days ADD CONSTRAINT guardian_course_days_no_check CHECK (day_no BETWEEN 1 AND 10)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('guardian_course_days');
  await knex.schema.dropTable('guardian_courses');
}
