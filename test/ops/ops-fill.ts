import { Knex } from 'knex';
import { writeAudit } from '../../src/audit/audit-writer';
import { makeUser } from '../helpers/factories';
import { kanaKeys } from '../../src/features/persons/persons-queries';

/** Text that a careless dump or restore would mangle: newlines, tabs, backslashes, quotes, 𠮷, NUL-free control chars. */
export const AWKWARD_TEXT = '一行目\n二行目\t\\N \\. "引用" \'单\' 𠮷野家 🙂 \u0001\u001f COPY FROM stdin;';

/** A leaf consultation category (one a new record may use). */
export async function leafCategory(db: Knex): Promise<number> {
  const row = await db('consultation_categories as c')
    .whereNull('c.retired_at')
    .whereNotExists(db('consultation_categories as k').whereRaw('k.parent_id = c.id'))
    .orderBy('c.id').first('c.id');
  return row.id;
}

/** Users, persons, consultations (some deleted, some anonymous), audit rows and a session: the office's data. */
export async function fillOffice(db: Knex, consultations = 300): Promise<{ staffId: number }> {
  const staff = await makeUser(db, { role: 'staff', username: 'ops-staff' });
  await makeUser(db, { role: 'ward', ward: '東区', username: 'ops-ward' });
  const ward = await db('wards').orderBy('id').first('id');
  const [p1] = await db('persons').insert({
    name: '熊本 太郎', name_kana: 'クマモト タロウ', ...kanaKeys('クマモト タロウ'), birth_date: '1940-02-29', ward_id: ward.id,
    address: AWKWARD_TEXT, notes: AWKWARD_TEXT, created_by: staff.id,
  }).returning('id');
  await db('persons').insert({ name: '𠮷田 花子', name_kana: 'ヨシダ ハナコ', ...kanaKeys('ヨシダ ハナコ') });
  const category = await leafCategory(db);
  await db.raw(`
    INSERT INTO consultations (consulted_on, category_id, ward_id, person_id, content, staff_id, duration_minutes, created_by, updated_by)
    SELECT DATE '2024-04-01' + (g % 700), ?, ?, CASE WHEN g % 3 = 0 THEN ?::int END, '相談 ' || g || E'\\n' || ?, ?,
           CASE WHEN g % 5 = 0 THEN NULL ELSE g % 120 END, ?, ?
    FROM generate_series(1, ?::int) g`, [category, ward.id, p1.id, AWKWARD_TEXT, staff.id, staff.id, staff.id, consultations]);
  await db('consultations').whereIn('id', db('consultations').min('id')).update({
    deleted_at: new Date('2026-01-05T00:00:00Z'), deleted_reason: '重複登録', deleted_by: staff.id,
  });
  const at = new Date('2026-11-20T01:02:03.456Z');
  for (const action of ['person.create', 'person.view', 'person.update']) {
    await writeAudit(db, at, { action, recordType: 'person', recordId: p1.id, actorId: staff.id, actorUsername: 'ops-staff', ip: '127.0.0.1' });
  }
  await db('sessions').insert({ sid: 'ops-session', sess: JSON.stringify({ passport: { user: staff.id } }), user_id: staff.id,
    expires_at: new Date('2030-01-01T00:00:00Z'), touched_at: at });
  return { staffId: staff.id };
}
