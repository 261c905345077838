import { Knex } from 'knex';

/** How many login attempts are counted against a user right now (0 when none). */
export async function countedAttempts(db: Knex, userId: number): Promise<number> {
  const row = await db('login_attempts').where({ subject: `user:${userId}` }).first('attempts');
  return row ? Number(row.attempts) : 0;
}
