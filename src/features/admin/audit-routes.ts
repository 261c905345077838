import { Request } from 'express';
import { SecureRouter } from '../../http/routes';
import { queryString } from '../../http/params';
import { sendDownload } from '../../http/download';
import { parseDateInput, formatDateTime } from '../../lib/dates';
import { rowsToCsv } from '../../lib/table/csv';
import { audit } from '../../audit/audit-writer';
import { AUDIT_PAGE_SIZE, auditActions, AuditFilter, auditQuery } from './audit-queries';
import { AUDIT_ACTION_LABELS } from './audit-labels';
import { today } from '../../http/today';

function dateOrNull(v: string): string | null {
  const p = v ? parseDateInput(v) : { ok: false as const };
  return p.ok ? p.iso : null;
}

function filterOf(req: Request): AuditFilter {
  const num = (v: string) => (/^\d{1,12}$/.test(v) ? Number(v) : null);
  return {
    userId: num(queryString(req, 'user')),
    action: queryString(req, 'action').slice(0, 64),
    recordType: queryString(req, 'record_type').slice(0, 64),
    recordId: queryString(req, 'record_id').slice(0, 64),
    from: dateOrNull(queryString(req, 'from')),
    to: dateOrNull(queryString(req, 'to')),
    before: num(queryString(req, 'before')),
  };
}

/** Managers and admins read who did what; the CSV download is itself audited. */
export function auditRoutes(r: SecureRouter): void {
  r.get('/admin/audit', 'audit:read', async (req, res) => {
    const f = filterOf(req);
    const rows = await auditQuery(req.deps.db, f).limit(AUDIT_PAGE_SIZE + 1);
    const more = rows.length > AUDIT_PAGE_SIZE;
    const shown = rows.slice(0, AUDIT_PAGE_SIZE);
    const users = await req.deps.db('users').orderBy('username').select('id', 'username', 'display_name');
    const params = new URLSearchParams(Object.entries(req.query).filter(([k, v]) => k !== 'before' && typeof v === 'string') as [string, string][]);
    res.render('admin/audit/index', {
      rows: shown, users, actions: await auditActions(req.deps.db), labels: AUDIT_ACTION_LABELS,
      values: req.query, filter: f, query: params.toString(),
      nextBefore: more ? shown[shown.length - 1].id : null,
    });
  });

  r.get('/admin/audit.csv', 'audit:read', async (req, res) => {
    const f = { ...filterOf(req), before: null };
    const rows = await auditQuery(req.deps.db, f).limit(100_000);
    await audit(req, 'audit.export', 'audit_log', null);
    const body = rowsToCsv(
      ['日時', '利用者ID', 'ユーザー名', '操作', '操作コード', '対象種別', '対象ID', '接続元', 'リクエストID'],
      rows.map((a) => [formatDateTime(a.at), a.actor_id, a.actor_username, AUDIT_ACTION_LABELS[a.action] ?? a.action,
        a.action, a.record_type, a.record_id, a.ip, a.request_id]),
    );
    sendDownload(res, body, `操作ログ_${today(req)}.csv`, 'csv');
  });
}
