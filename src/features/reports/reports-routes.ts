import { Request, Response } from 'express';
import { audit } from '../../audit/audit-writer';
import { sendDownload } from '../../http/download';
import { NotFoundError } from '../../http/errors';
import { ErrorItem, fieldError, FieldErrors, renderFormPage } from '../../http/forms';
import { SecureRouter } from '../../http/routes';
import { can } from '../../policy';
import type { Table } from '../../lib/table/table';
import { canReadReport, denyReport, reportScope } from './report-access';
import {
  isReportFormat, renderReport, REPORT_EXPORT_ACTION, REPORT_FORMATS, ReportFormat, reportAuditId, reportFileName, reportQuery,
} from './report-export';
import { filterFields, fyField, indexHref, periodFields } from './report-page';
import { currentFiscalYear, fyAndFilters } from './report-params';
import { isYearsParams, ReportDef, ReportParamError, ReportParams } from '../../contracts/report';
import type { Registry } from '../../contracts';

const FILE = /^([a-z0-9]+(?:-[a-z0-9]+)*)(?:\.([a-z]+))?$/;
const parseFyOnly = fyAndFilters([]);

type Built = { ok: true; params: ReportParams; table: Table } | { ok: false; errors: FieldErrors; errorList: ErrorItem[] };

/** Parses the query and builds the table for the user's scope; bad or unknown input comes back as field errors. */
async function build(req: Request, def: ReportDef): Promise<Built> {
  const parsed = def.parse(req.query, req.deps.clock.now());
  if (!parsed.ok) return parsed;
  try {
    return { ok: true, params: parsed.params, table: await def.build(req.deps.db, parsed.params, reportScope(req.user!)) };
  } catch (e) {
    if (e instanceof ReportParamError) return { ok: false, ...fieldError(e.field, e.message) };
    throw e;
  }
}

/** The fiscal year the breadcrumb's link to the index carries (a span's last year). */
const indexFy = (p: ReportParams) => (isYearsParams(p) ? p.to : p.fy);

async function renderShow(req: Request, res: Response, def: ReportDef, built: Built): Promise<void> {
  const current = currentFiscalYear(req.deps.clock.now());
  const values = req.query as Record<string, unknown>;
  const fields = [...periodFields(def, current, built.ok ? built.params : null), ...(await filterFields(req.deps.db, def, values))];
  if (built.ok) {
    return res.render('reports/show', { report: def, fields, table: built.table, query: reportQuery(built.params), formats: REPORT_FORMATS, fy: indexFy(built.params) });
  }
  renderFormPage(res, 'reports/show', { report: def, fields, table: null, values, fy: current }, built);
}

/** The tallies: HTML, CSV, xlsx and PDF of every report in the registry the user may read, and a print view. */
export function reportsRoutes(r: SecureRouter, { reports: REPORTS }: Registry): void {
  const findReport = (id: string) => REPORTS.find((d) => d.id === id);

  r.get('/reports', 'reports:read', (req, res) => {
    const current = currentFiscalYear(req.deps.clock.now());
    const parsed = parseFyOnly(req.query, req.deps.clock.now());
    const fy = parsed.ok ? parsed.params.fy : current;
    const reports = REPORTS.filter((d) => canReadReport(req.user, d)).map((d) => ({ ...d, href: indexHref(d, fy) }));
    const locals = { reports, fields: [fyField(current, fy)], fy, annual: can(req.user, 'reports:annual') };
    if (!parsed.ok) return renderFormPage(res, 'reports/index', locals, parsed);
    res.render('reports/index', locals);
  });

  r.get('/reports/:file', 'reports:read', async (req, res) => {
    const m = FILE.exec(String(req.params.file));
    const def = m ? findReport(m[1]) : undefined;
    const ext = m?.[2];
    if (!def || (ext !== undefined && !isReportFormat(ext))) throw new NotFoundError();
    if (!canReadReport(req.user, def)) return denyReport(req, res);
    const built = await build(req, def);
    if (!built.ok || ext === undefined) return renderShow(req, res, def, built);
    const format = ext as ReportFormat;
    const body = await renderReport(built.table, format, req.deps.clock.now());
    await audit(req, REPORT_EXPORT_ACTION, 'report', reportAuditId(def, built.params, format));
    sendDownload(res, body, reportFileName(def, built.params, format), format);
  });

  r.get('/reports/:id/print', 'reports:read', async (req, res) => {
    const def = findReport(String(req.params.id));
    if (!def) throw new NotFoundError();
    if (!canReadReport(req.user, def)) return denyReport(req, res);
    const built = await build(req, def);
    if (!built.ok) return renderShow(req, res, def, built);
    await audit(req, REPORT_EXPORT_ACTION, 'report', reportAuditId(def, built.params, 'print'));
    res.render('reports/print', { report: def, table: built.table, query: reportQuery(built.params), now: req.deps.clock.now() });
  });
}
