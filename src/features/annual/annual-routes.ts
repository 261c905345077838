/**
 * 年報: /reports/annual (the year picker, the contents and the download links), /reports/annual.pdf
 * and /reports/annual.xlsx. For staff and managers ('reports:annual'), never a ward office: its
 * tables would count one ward only. Registered before reportsRoutes, whose /reports/:file would
 * otherwise answer 404 for 'annual'.
 */
import { Request, Response } from 'express';
import { audit } from '../../audit/audit-writer';
import { sendDownload } from '../../http/download';
import { SecureRouter } from '../../http/routes';
import type { ReportDef, Registry } from '../../contracts';
import { canReadReport, reportScope, periodName, REPORT_EXPORT_ACTION, reportQuery, fyField, currentFiscalYear, fyAndFilters } from '../reports';
import { annualPlan, annualTitle } from './annual-build';
import { ANNUAL_FORMATS, annualAuditId, annualFileName, renderAnnual } from './annual-export';
import { renderFormPage } from '../../http/forms';

export const ANNUAL_ACCESS = 'reports:annual';
const parseFy = fyAndFilters([]);

const planFor = (req: Request, reports: readonly ReportDef[], fy: number) => annualPlan(reports, fy, (def) => canReadReport(req.user, def));

/** The page; with bad input, the same page with the error and status 400. */
function renderPage(req: Request, res: Response, reports: readonly ReportDef[]): void {
  const now = req.deps.clock.now();
  const current = currentFiscalYear(now);
  const parsed = parseFy(req.query, now);
  if (!parsed.ok) {
    renderFormPage(res, 'annual/show', { fields: [fyField(current, null)], fy: null, contents: [] }, parsed);
    return;
  }
  const { fy } = parsed.params;
  const contents = planFor(req, reports, fy).flatMap(({ def, input }) => {
    const p = def.parse(input, now);
    return p.ok ? [{ title: `${periodName(p.params)} ${def.title}`, href: `/reports/${def.id}?${reportQuery(p.params)}` }] : [];
  });
  res.render('annual/show', { fields: [fyField(current, fy)], fy, title: annualTitle(fy), contents, formats: ANNUAL_FORMATS });
}

export function annualRoutes(r: SecureRouter, { reports }: Registry): void {
  r.get('/reports/annual', ANNUAL_ACCESS, (req, res) => renderPage(req, res, reports));

  for (const format of ANNUAL_FORMATS) {
    r.get(`/reports/annual.${format}`, ANNUAL_ACCESS, async (req, res) => {
      const now = req.deps.clock.now();
      const parsed = parseFy(req.query, now);
      if (!parsed.ok) return renderPage(req, res, reports);
      const { fy } = parsed.params;
      const { body } = await renderAnnual(req.deps.db, fy, format, { now, scope: reportScope(req.user!), plan: planFor(req, reports, fy) });
      await audit(req, REPORT_EXPORT_ACTION, 'report', annualAuditId(fy, format));
      sendDownload(res, body, annualFileName(fy, format), format);
    });
  }
}
