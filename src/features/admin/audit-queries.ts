import { Db } from '../../db/knex';

export interface AuditFilter {
  userId: number | null;
  action: string;
  recordType: string;
  recordId: string;
  from: string | null;
  to: string | null;
  before: number | null;
}

export const AUDIT_PAGE_SIZE = 100;

/** Filtered audit rows, newest first, keyset-paged by id. Dates are whole days in Asia/Tokyo. */
export function auditQuery(db: Db, f: AuditFilter) {
  const q = db('audit_log as a').leftJoin('users as u', 'u.id', 'a.actor_id')
    .select('a.id', 'a.at', 'a.actor_id', 'a.actor_username', 'u.display_name as actor_name', 'a.action',
      'a.record_type', 'a.record_id', 'a.ip', 'a.request_id')
    .orderBy('a.id', 'desc');
  if (f.userId) q.where('a.actor_id', f.userId);
  if (f.action) q.where('a.action', f.action);
  if (f.recordType) q.where('a.record_type', f.recordType);
  if (f.recordId) q.where('a.record_id', f.recordId);
  if (f.from) q.whereRaw("a.at >= (?::date)::timestamp AT TIME ZONE 'Asia/Tokyo'", [f.from]);
  if (f.to) q.whereRaw("a.at < ((?::date) + 1)::timestamp AT TIME ZONE 'Asia/Tokyo'", [f.to]);
  if (f.before) q.where('a.id', '<', f.before);
  return q;
}

export async function auditActions(db: Db): Promise<string[]> {
  const rows = await db('audit_log').distinct('action').orderBy('action');
  return rows.map((r) => r.action);
}
