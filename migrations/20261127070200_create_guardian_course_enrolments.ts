import { Knex } from 'knex';

/**
 * Trainees enrolled in a course, their attendance per day (出席 / 欠席 / 補講 = made up) and the
 * completion date: 'attendance' when granted on the attendance record, 'historical' when taken as
 * given from an imported ledger.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('guardian_course_enrolments', (t) => {
    t.increments('id');
    t.integer('course_id').notNullable().references('guardian_courses.id');
    t.integer('guardian_id').notNullable().references('citizen_guardians.id');
    t.date('completed_on');
    t.text('completion_basis');
    t.integer('version').notNullable().defaultTo(1);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.integer('created_by').references('users.id');
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.integer('updated_by').references('users.id');
    t.unique(['course_id', 'guardian_id']);
    t.index(['guardian_id']);
    t.index(['completed_on']);
  });
  await knex.raw(`ALTER TABLE guardian_course_enrolments ADD CONSTRAINT guardian_course_enrolments_completion_check
    CHECK ((completed_on IS NULL AND completion_basis IS NULL) OR (completed_on IS NOT NULL AND completion_basis IN ('attendance','historical')))`);
  await knex.schema.createTable('guardian_course_attendance', (t) => {
    t.integer('enrolment_id').notNullable().references('guardian_course_enrolments.id').onDelete('CASCADE');
    t.integer('day_id').notNullable().references('guardian_course_days.id').onDelete('CASCADE');
    t.text('status').notNullable();
    t.primary(['enrolment_id', 'day_id']);
    t.index(['day_id']);
  });
  await knex.raw(`ALTER TABLE guardian_course_attendance ADD CONSTRAINT guardian_course_attendance_status_check CHECK (status IN ('出席','欠席','補講'))`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('guardian_course_attendance');
  await knex.schema.dropTable('guardian_course_enrolments');
}
