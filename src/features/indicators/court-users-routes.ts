/** Indicator 1 entry: staff enter the family court's count per calendar year, by 類型. */
import { Request, Response } from 'express';
import { NotFoundError } from '../../http/errors';
import { flash } from '../../http/flash';
import { fieldError, FormErrors, parseForm, renderFormPage } from '../../http/forms';
import { idParam } from '../../http/params';
import { SecureRouter } from '../../http/routes';
import type { Choice } from '../../contracts';
import { findCourtUserYear, guardianshipTypes, type CourtUserYear } from './court-users-queries';
import { countField, countsOf, COURT_MESSAGES, courtUsersSchema } from './court-users-schema';
import { createCourtUserYear, updateCourtUserYear } from './court-users-service';
import { conflictRows, renderConflictPage } from '../../http/conflict';
import { today } from '../../http/today';

const VIEW = 'indicators/court-users-form';
const currentYear = (req: Request) => Number(today(req).slice(0, 4));

function render(res: Response, types: Choice[], values: Record<string, unknown>, entry: CourtUserYear | null, e?: FormErrors): void {
  renderFormPage(res, VIEW, { types, values, entry, countField }, e);
}

async function loadEntry(req: Request): Promise<CourtUserYear> {
  const entry = await findCourtUserYear(req.deps.db, idParam(req));
  if (!entry) throw new NotFoundError();
  return entry;
}

const valuesOf = (types: Choice[], e: CourtUserYear) =>
  ({ version: e.version, ...Object.fromEntries(types.map((t) => [countField(t), e.counts.get(t.id) ?? ''])) });

export function courtUsersRoutes(r: SecureRouter): void {
  r.get('/indicators/court-users/new', 'indicators:write', async (req, res) => {
    render(res, await guardianshipTypes(req.deps.db), { year: String(currentYear(req) - 1) }, null);
  });

  r.post('/indicators/court-users', 'indicators:write', async (req, res) => {
    const types = await guardianshipTypes(req.deps.db);
    const form = parseForm(courtUsersSchema(types, { create: true, maxYear: currentYear(req) }), req.body);
    if (!form.ok) return render(res, types, req.body ?? {}, null, form);
    const year = (form.data as { year: number }).year;
    const result = await createCourtUserYear(req, year, countsOf(types, form.data));
    if (result === 'duplicate') return render(res, types, req.body, null, fieldError('year', COURT_MESSAGES.duplicate(year)));
    flash(req, `${year}年の成年後見制度利用者数を登録しました。`);
    res.redirect(303, '/indicators#court-users');
  });

  r.get('/indicators/court-users/:id/edit', 'indicators:write', async (req, res) => {
    const entry = await loadEntry(req);
    const types = await guardianshipTypes(req.deps.db, new Set(entry.counts.keys()));
    render(res, types, valuesOf(types, entry), entry);
  });

  r.post('/indicators/court-users/:id', 'indicators:write', async (req, res) => {
    const entry = await loadEntry(req);
    const types = await guardianshipTypes(req.deps.db, new Set(entry.counts.keys()));
    const form = parseForm(courtUsersSchema(types, { create: false }), req.body);
    if (!form.ok) return render(res, types, req.body ?? {}, entry, form);
    const counts = countsOf(types, form.data);
    if ((await updateCourtUserYear(req, entry.id, (form.data as { version: number }).version, counts)) === 'conflict') {
      const now = (await findCourtUserYear(req.deps.db, entry.id))!;
      return renderConflictPage(res, {
        backHref: `/indicators/court-users/${entry.id}/edit`,
        rows: conflictRows(types, (t) => t.label, (t) => String(counts.get(t.id)), (t) => String(now.counts.get(t.id) ?? '')),
      });
    }
    flash(req, `${entry.year}年の成年後見制度利用者数を更新しました。`);
    res.redirect(303, '/indicators#court-users');
  });
}
