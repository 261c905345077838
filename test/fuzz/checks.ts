/** What must hold in the database whatever was posted: nothing half-stored, every stored row complete. */
import { Knex } from 'knex';
import request from 'supertest';

const VERSIONED = [
  'persons', 'consultations', 'petitions', 'petition_relatives', 'users', 'settings', 'subsidy_caps', 'wards',
  'code_entries', 'referral_centers', 'consultation_categories', 'meetings', 'meeting_cases', 'subsidies',
  'citizen_guardians', 'guardian_courses', 'guardian_course_enrolments',
  'guardian_followup_sessions', 'guardian_periods', 'guardian_appointments',
  'indicator_targets', 'court_user_years', 'past_figure_sets',
];
/** import_batches is left out: a refused import confirmation discards its preview on purpose. */
const COUNTED = [
  ...VERSIONED, 'petition_motives', 'petition_stages', 'petition_documents', 'petition_history', 'user_totp', 'user_recovery_codes',
  'meeting_attendees',
  'guardian_course_days', 'guardian_course_attendance', 'guardian_followup_attendance',
  'court_user_counts', 'past_figure_values',
];

/** Row counts of every table a form can write, and the sum of the versions of every versioned one (one query). */
export async function snapshot(db: Knex): Promise<Record<string, number>> {
  const parts = [
    ...COUNTED.map(() => '(SELECT count(*) FROM ??)::int AS ??'),
    ...VERSIONED.map(() => '(SELECT coalesce(sum(version), 0) FROM ??)::int AS ??'),
  ];
  const bindings = [...COUNTED.flatMap((t) => [t, `rows ${t}`]), ...VERSIONED.flatMap((t) => [t, `versions ${t}`])];
  const result = await db.raw(`SELECT ${parts.join(', ')}`, bindings);
  return result.rows[0];
}

/** The tables whose counts or versions differ between two snapshots. */
export function changed(before: Record<string, number>, after: Record<string, number>): string[] {
  return Object.keys(before).filter((k) => before[k] !== after[k]).map((k) => `${k}: ${before[k]} → ${after[k]}`);
}

/** The highest id of each table with new rows to check (rows up to these came from fixtures). */
export async function highWater(db: Knex): Promise<Record<string, number>> {
  const tables = ['persons', 'consultations', 'petitions', 'petition_relatives', 'petition_stages', 'users', 'referral_centers', 'code_entries',
    'consultation_categories', 'wards', 'subsidy_caps', 'meetings', 'meeting_cases', 'subsidies', 'citizen_guardians', 'court_user_years', 'past_figure_sets'];
  const result = await db.raw(`SELECT ${tables.map(() => '(SELECT coalesce(max(id), 0) FROM ??)::int AS ??').join(', ')}`, tables.flatMap((t) => [t, t]));
  return result.rows[0];
}

/** A check: rows (ids) of `table` past `from` (and matching `where`) that have no audit row `action` about them. */
interface AuditCheck { what: string; table: string; action: string; recordType: string; where?: string; via?: string; from: number }

/**
 * Rows written by the app since `since` that are not whole: a record without its audit row, a
 * deletion or merge nobody audited, a stage or relative whose petition has no audit of it, a petition
 * without its history line. Returns a description of each, so a failure names them.
 */
export async function incompleteRows(db: Knex, since: Record<string, number>): Promise<string[]> {
  const masters = ['referral_centers', 'code_entries', 'consultation_categories', 'wards', 'subsidy_caps'];
  const checks: AuditCheck[] = [
    { what: 'person without person.create', table: 'persons', action: 'person.create', recordType: 'person', from: since.persons },
    { what: 'consultation without consultation.create', table: 'consultations', action: 'consultation.create', recordType: 'consultation', from: since.consultations },
    { what: 'citizen guardian without guardian.create', table: 'citizen_guardians', action: 'guardian.create', recordType: 'citizen_guardian', from: since.citizen_guardians },
    { what: 'petition without petition.create', table: 'petitions', action: 'petition.create', recordType: 'petition', from: since.petitions },
    { what: 'meeting without meeting.create', table: 'meetings', action: 'meeting.create', recordType: 'meeting', from: since.meetings },
    { what: 'meeting case without meeting_case.create', table: 'meeting_cases', action: 'meeting_case.create', recordType: 'meeting_case', from: since.meeting_cases },
    { what: 'deleted meeting without meeting.delete', table: 'meetings', action: 'meeting.delete', recordType: 'meeting', where: 'deleted_at IS NOT NULL', from: 0 },
    { what: 'deleted case without meeting_case.delete', table: 'meeting_cases', action: 'meeting_case.delete', recordType: 'meeting_case', where: 'deleted_at IS NOT NULL', from: 0 },
    { what: 'subsidy without subsidy.create', table: 'subsidies', action: 'subsidy.create', recordType: 'subsidy', from: since.subsidies },
    { what: 'deleted subsidy without subsidy.delete', table: 'subsidies', action: 'subsidy.delete', recordType: 'subsidy', where: 'deleted_at IS NOT NULL', from: 0 },
    { what: 'user without user.create', table: 'users', action: 'user.create', recordType: 'user', where: 'created_by IS NOT NULL', from: since.users },
    { what: 'deleted consultation without consultation.delete', table: 'consultations', action: 'consultation.delete', recordType: 'consultation', where: 'deleted_at IS NOT NULL', from: 0 },
    { what: 'merged person without person.merged', table: 'persons', action: 'person.merged', recordType: 'person', where: 'merged_into_id IS NOT NULL', from: 0 },
    { what: 'stage without petition.stage', table: 'petition_stages', action: 'petition.stage', recordType: 'petition', via: 'petition_id', from: since.petition_stages },
    { what: 'relative without petition.relative', table: 'petition_relatives', action: 'petition.relative', recordType: 'petition', via: 'petition_id', from: since.petition_relatives },
    { what: 'court year without indicator.create', table: 'court_user_years', action: 'indicator.create', recordType: 'court_user_year', from: since.court_user_years },
    { what: 'past figures without figures.create', table: 'past_figure_sets', action: 'figures.create', recordType: 'past_figure_set', from: since.past_figure_sets },
    ...masters.map((table) => ({ what: `${table} row without master.create`, table, action: 'master.create', recordType: table, from: since[table] })),
  ];
  const found: string[] = [];
  for (const c of checks) {
    const about = c.via ?? 'id';
    const rows: { id: number }[] = await db(`${c.table} as t`).where('t.id', '>', c.from)
      .modify((q) => { if (c.where) q.whereRaw(c.where); })
      .whereNotExists((q) => q.select(db.raw('1')).from('audit_log as a')
        .where('a.action', c.action).where('a.record_type', c.recordType).whereRaw('a.record_id = (t.??)::text', [about]))
      .select('t.id');
    for (const r of rows) found.push(`${c.what}: id ${r.id}`);
  }
  const orphans: { id: number }[] = await db('petitions as t').where('t.id', '>', since.petitions)
    .whereNotExists((q) => q.select(db.raw('1')).from('petition_history as h').whereRaw('h.petition_id = t.id')).select('t.id');
  for (const r of orphans) found.push(`petition without history: id ${r.id}`);
  return found;
}

const NEW_RECORD = /^\/(persons|consultations|petitions|subsidies|admin\/users|meetings)\/(\d+)$/;
const TABLE_OF: Record<string, string> = { persons: 'persons', consultations: 'consultations', petitions: 'petitions', subsidies: 'subsidies', 'admin/users': 'users', meetings: 'meetings' };

/** Every petition's ward, to compare before and after a ward user's post. */
export async function petitionWards(db: Knex): Promise<string> {
  const rows: { id: number; ward_id: number }[] = await db('petitions').orderBy('id').select('id', 'ward_id');
  return rows.map((r) => `${r.id}:${r.ward_id}`).join(',');
}

/** What signed-in users must never change about themselves: role, ward, status. */
export async function guardedUsers(db: Knex, ids: number[]): Promise<string> {
  const rows = await db('users').whereIn('id', ids).orderBy('id').select('id', 'role', 'ward_id', 'disabled_at', 'must_change_password');
  return JSON.stringify(rows);
}

/** Extra fields were ignored: no record took a forged id or version; a new record is the actor's, at version 1, not deleted. */
export async function checkExtrasIgnored(db: Knex, res: request.Response, actorId: number | null, since: Record<string, number>): Promise<string[]> {
  const problems: string[] = [];
  const tables = ['persons', 'consultations', 'petitions', 'users', 'petition_relatives', 'meetings', 'meeting_cases', 'subsidies'];
  // one round trip: for each table, did a row take the forged id, did one take a forged version
  const forged = (await db.raw(`SELECT ${tables.map(() => 'EXISTS (SELECT 1 FROM ?? WHERE id = 424242) AS ??, EXISTS (SELECT 1 FROM ?? WHERE version >= 9000) AS ??').join(', ')}`,
    tables.flatMap((t) => [t, `id ${t}`, t, `version ${t}`]))).rows[0] as Record<string, boolean>;
  for (const table of tables) {
    if (forged[`id ${table}`]) problems.push(`${table} took the forged id 424242`);
    if (forged[`version ${table}`]) problems.push(`${table} took a forged version`);
  }
  const m = res.status === 303 ? NEW_RECORD.exec(String(res.headers.location)) : null;
  if (m && Number(m[2]) > since[TABLE_OF[m[1]]]) {
    const row = await db(TABLE_OF[m[1]]).where({ id: Number(m[2]) }).first();
    if (row.version !== 1) problems.push(`new ${m[1]} ${m[2]} has version ${row.version}`);
    if (row.created_by !== actorId) problems.push(`new ${m[1]} ${m[2]} has created_by ${row.created_by}, not ${actorId}`);
    if (row.deleted_at) problems.push(`new ${m[1]} ${m[2]} is deleted`);
    if (row.merged_into_id) problems.push(`new ${m[1]} ${m[2]} is merged`);
  }
  return problems;
}
