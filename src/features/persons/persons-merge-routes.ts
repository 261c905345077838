import { Request, Response } from 'express';
import { audit } from '../../audit/audit-writer';
import { flash } from '../../http/flash';
import { fieldError, FormErrors, parseForm, renderFormPage } from '../../http/forms';
import { queryString } from '../../http/params';
import { SecureRouter } from '../../http/routes';
import { parseDateInput } from '../../lib/dates';
import { PERSON_FIELDS, PersonRow } from './persons-fields';
import { describeBirth, displayValue, loadLookups } from './persons-lookups';
import { mergePersons } from './persons-merge';
import { findPerson, linkCounts, loadPerson, refuseMerged } from './persons-queries';
import { possibleDuplicates, describeReasons } from './persons-duplicates';
import { MERGE_MESSAGES, mergeSchema } from './persons-form';
import { searchPersons } from './persons-search';
import { today } from '../../http/today';
import { conflictRows } from '../../http/conflict';

/** Why `other` cannot be merged into `person`, if it cannot. */
function refusal(person: PersonRow, other: PersonRow | undefined): string | null {
  if (!other) return MERGE_MESSAGES.missing;
  if (other.id === person.id) return MERGE_MESSAGES.self;
  if (other.merged_into_id || person.merged_into_id) return MERGE_MESSAGES.merged;
  return null;
}

/** The merge page: candidates, a search, and (with other_id) both records side by side to confirm. */
async function renderMerge(req: Request, res: Response, person: PersonRow, otherId: number | null, status = 200, errs?: FormErrors) {
  const { db } = req.deps;
  const lookups = await loadLookups(db);
  const day = today(req);
  const values = { kana: queryString(req, 'kana'), birth: queryString(req, 'birth') };
  const birth = values.birth ? parseDateInput(values.birth) : null;
  const searched = Boolean(values.kana || (birth && birth.ok));
  const results = searched
    ? await searchPersons(db, { kana: values.kana, birthDate: birth && birth.ok ? birth.iso : null }, null, 20).whereNot('p.id', person.id)
    : [];
  const candidates = await possibleDuplicates(db, person, person.id);
  const other = otherId ? await findPerson(db, otherId) : undefined;
  const problem = otherId ? refusal(person, other) : null;
  const compare = other && !problem
    ? conflictRows(PERSON_FIELDS, (f) => f.label, (f) => displayValue(lookups, f.name, person[f.name], day), (f) => displayValue(lookups, f.name, other[f.name], day))
    : null;
  await audit(req, 'person.search', 'person', null);
  if (compare && other) await audit(req, 'person.view', 'person', other.id);
  renderFormPage(res, 'persons/merge', {
    person, values, searched, results, candidates, other: compare ? other : null, compare, problem,
    counts: compare && other ? await linkCounts(db, other.id) : [],
    describeBirth, describeReasons, today: day, wardById: lookups.wardById,
  }, errs, problem && status === 200 ? 400 : status);
}

export function personsMergeRoutes(r: SecureRouter): void {
  r.get('/persons/:id/merge', 'persons:write', async (req, res) => {
    const person = await loadPerson(req);
    if (refuseMerged(req, res, person)) return;
    const raw = queryString(req, 'other_id');
    await renderMerge(req, res, person, /^\d{1,9}$/.test(raw) ? Number(raw) : null);
  });

  r.post('/persons/:id/merge', 'persons:write', async (req, res) => {
    const person = await loadPerson(req);
    if (refuseMerged(req, res, person)) return;
    const form = parseForm(mergeSchema, req.body);
    const otherId = /^\d{1,9}$/.test(String(req.body?.other_id ?? '')) ? Number(req.body.other_id) : null;
    if (!form.ok) return renderMerge(req, res, person, otherId, 400, form);
    const result = await mergePersons(req, {
      survivorId: person.id, otherId: form.data.other_id, survivorVersion: form.data.version, otherVersion: form.data.other_version,
    });
    if (!result.ok) {
      const status = result.reason === 'stale' ? 409 : 400;
      return renderMerge(req, res, (await findPerson(req.deps.db, person.id))!, form.data.other_id, status, fieldError('confirm', MERGE_MESSAGES[result.reason]));
    }
    flash(req, `ID ${form.data.other_id} の記録をこの記録に統合しました。`);
    res.redirect(303, `/persons/${person.id}`);
  });
}
