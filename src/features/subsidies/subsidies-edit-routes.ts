import { flash } from '../../http/flash';
import { SecureRouter } from '../../http/routes';
import { renderConflict, renderEdit, loadSubsidy, subsidyId } from './subsidies-page';
import { allowedFor, loadSubsidyOptions, petitionChoices } from './subsidies-options';
import { prepareSave } from './subsidies-validate';
import { editSchema } from './subsidies-schema';
import { EDITABLE_STATUSES, updateSubsidy } from './subsidies-service';

const LOCKED = 'この申請は決定済みのため編集できません。';

/** The record form (center staff) while the application is 受付 or 審査; decided ones are kept as decided. */
export function editRoutes(r: SecureRouter): void {
  r.get('/subsidies/:subsidyId/edit', 'subsidies:write', async (req, res) => {
    const id = subsidyId(req);
    const [s, o] = await Promise.all([loadSubsidy(req, id), loadSubsidyOptions(req.deps.db)]);
    if (!EDITABLE_STATUSES.includes(s.status)) {
      flash(req, LOCKED, 'error');
      return res.redirect(303, `/subsidies/${id}`);
    }
    await renderEdit(req, res, s, o, { ...s, granted_yen: s.granted_yen ?? '' });
  });

  r.post('/subsidies/:subsidyId', 'subsidies:write', async (req, res) => {
    const id = subsidyId(req);
    const { db } = req.deps;
    const [s, o] = await Promise.all([loadSubsidy(req, id), loadSubsidyOptions(db)]);
    const petitions = await petitionChoices(db, s.person_id);
    const next = await prepareSave(req, o, editSchema(allowedFor(o, s, petitions)), s.person_id, id);
    if (next.show) return renderEdit(req, res, s, o, req.body ?? {}, next.status, next.extra);
    const result = await updateSubsidy(req, id, next.data.version, next.data, next.overlapConfirmed);
    if (result === 'conflict') return renderConflict(req, res, id, next.data);
    flash(req, result === 'ok' ? '報酬助成の申請を保存しました。' : LOCKED, result === 'ok' ? 'success' : 'error');
    res.redirect(303, `/subsidies/${id}`);
  });
}
