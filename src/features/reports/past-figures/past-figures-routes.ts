/**
 * /figures: past-year figures (過年度実績) of every yearly report that declares `pastFigures`.
 * A manager enters and edits them (figures:write); center staff may look (figures:read).
 */
import { Request, Response } from 'express';
import { denyReport } from '../report-access';
import { NotFoundError } from '../../../http/errors';
import { flash } from '../../../http/flash';
import { fieldError, FormErrors, parseForm, renderFormPage } from '../../../http/forms';
import { SecureRouter } from '../../../http/routes';
import { can } from '../../../policy';
import type { ReportDef, Registry } from '../../../contracts';
import { entryYears, figuresReport, figuresReports, FiguresReport, fyParam, spanQuery, yearOptions } from './past-figures-page';
import { loadFigureSet, loadFigureSets, type FigureSet } from './past-figures-queries';
import { FIGURE_MESSAGES, figuresSchema, valueField, valuesOf } from './past-figures-schema';
import { createFigureSet, updateFigureSet } from './past-figures-service';
import { conflictRows, renderConflictPage } from '../../../http/conflict';

async function renderForm(req: Request, res: Response, def: FiguresReport, set: FigureSet | null, values: Record<string, unknown>, e?: FormErrors) {
  const { db } = req.deps;
  const rows = await def.pastFigures.rows(db);
  const years = entryYears(req);
  const [sets, withRecords] = await Promise.all([loadFigureSets(db, def.id), def.pastFigures.recordYears(db, years.at(-1)!, years[0])]);
  renderFormPage(res, 'figures/form', {
    report: def, rows, set, values, valueField, hasRecords: set ? withRecords.has(set.fiscal_year) : false,
    yearOptions: yearOptions(years, new Set(sets.keys()), withRecords),
  }, e);
}

/** The report among `reports`, or a 403 already sent (the user may not read its data). */
async function reportIn(reports: readonly ReportDef[], req: Request, res: Response): Promise<FiguresReport | null> {
  const { def, readable } = figuresReport(req, reports);
  if (readable) return def;
  await denyReport(req, res);
  return null;
}

export function pastFiguresRoutes(r: SecureRouter, { reports: registered }: Registry): void {
  const reportFor = (req: Request, res: Response) => reportIn(registered, req, res);

  r.get('/figures', 'figures:read', async (req, res) => {
    const reports = figuresReports(req, registered);
    const sets = await Promise.all(reports.map((d) => loadFigureSets(req.deps.db, d.id)));
    res.render('figures/index', { reports: reports.map((d, i) => ({ def: d, years: [...sets[i].keys()] })) });
  });

  r.get('/figures/:report', 'figures:read', async (req, res) => {
    const def = await reportFor(req, res);
    if (!def) return;
    const { db } = req.deps;
    const [rows, sets] = await Promise.all([def.pastFigures.rows(db), loadFigureSets(db, def.id)]);
    const years = [...sets.keys()];
    const withRecords = years.length ? await def.pastFigures.recordYears(db, Math.min(...years), Math.max(...years)) : new Set<number>();
    res.render('figures/show', {
      report: def, rows, sets: [...sets.values()].reverse(), withRecords, canWrite: can(req.user, 'figures:write'), reportQuery: spanQuery(req, years),
    });
  });

  r.get('/figures/:report/new', 'figures:write', async (req, res) => {
    const def = await reportFor(req, res);
    if (def) await renderForm(req, res, def, null, {});
  });

  r.post('/figures/:report', 'figures:write', async (req, res) => {
    const def = await reportFor(req, res);
    if (!def) return;
    const rows = await def.pastFigures.rows(req.deps.db);
    const form = parseForm(figuresSchema(rows, { years: entryYears(req) }), req.body);
    if (!form.ok) return renderForm(req, res, def, null, req.body ?? {}, form);
    const fy = (form.data as { fy: number }).fy;
    if ((await createFigureSet(req, def.id, fy, rows.map((r) => r.key), valuesOf(rows, form.data))) === 'duplicate') {
      return renderForm(req, res, def, null, req.body, fieldError('fy', FIGURE_MESSAGES.duplicate));
    }
    flash(req, '過年度実績を登録しました。');
    res.redirect(303, `/figures/${def.id}`);
  });

  r.get('/figures/:report/:fy/edit', 'figures:write', async (req, res) => {
    const def = await reportFor(req, res);
    if (!def) return;
    const set = await loadFigureSet(req.deps.db, def.id, fyParam(req));
    if (!set) throw new NotFoundError();
    const values = Object.fromEntries([...set.values].map(([k, v]) => [`v_${k}`, v]));
    await renderForm(req, res, def, set, { ...values, version: set.version });
  });

  r.post('/figures/:report/:fy', 'figures:write', async (req, res) => {
    const def = await reportFor(req, res);
    if (!def) return;
    const set = await loadFigureSet(req.deps.db, def.id, fyParam(req));
    if (!set) throw new NotFoundError();
    const rows = await def.pastFigures.rows(req.deps.db);
    const form = parseForm(figuresSchema(rows, { edit: true }), req.body);
    if (!form.ok) return renderForm(req, res, def, set, req.body ?? {}, form);
    const values = valuesOf(rows, form.data);
    if ((await updateFigureSet(req, set.id, (form.data as { version: number }).version, rows.map((r) => r.key), values)) === 'conflict') {
      const now = (await loadFigureSet(req.deps.db, def.id, set.fiscal_year))!;
      const shown = (v: number | undefined) => (v === undefined ? '（空欄）' : v.toLocaleString('ja-JP'));
      return renderConflictPage(res, {
        backHref: `/figures/${def.id}/${set.fiscal_year}/edit`,
        rows: conflictRows(rows, (r) => r.label, (r) => shown(values.get(r.key)), (r) => shown(now.values.get(r.key))),
      });
    }
    flash(req, '過年度実績を更新しました。');
    res.redirect(303, `/figures/${def.id}`);
  });
}
