import { Request } from 'express';
import { Knex } from 'knex';

export interface AuditEntry {
  action: string;
  recordType?: string | null;
  recordId?: string | number | null;
  actorId?: number | null;
  actorUsername?: string | null;
  ip?: string | null;
  requestId?: string | null;
}

/** Appends one row. Ids and codes only: never a name, a form value or free text. */
export async function writeAudit(db: Knex | Knex.Transaction, at: Date, e: AuditEntry): Promise<void> {
  await db('audit_log').insert({
    at,
    action: e.action,
    record_type: e.recordType ?? null,
    record_id: e.recordId === undefined || e.recordId === null ? null : String(e.recordId),
    actor_id: e.actorId ?? null,
    actor_username: e.actorUsername ?? null,
    ip: e.ip ?? null,
    request_id: e.requestId ?? null,
  });
}

/** Audit from inside a request: actor, ip and request id come from the request. */
export function audit(
  req: Request,
  action: string,
  recordType?: string | null,
  recordId?: string | number | null,
  trx?: Knex.Transaction,
): Promise<void> {
  return writeAudit(trx ?? req.deps.db, req.deps.clock.now(), {
    action,
    recordType,
    recordId,
    actorId: req.user?.id ?? null,
    actorUsername: req.user?.username ?? null,
    ip: req.ip ?? null,
    requestId: req.id,
  });
}
