import { z } from 'zod';
import { audit } from '../../audit/audit-writer';
import { flash } from '../../http/flash';
import { fieldError, parseForm, renderFormPage, parsedFields } from '../../http/forms';
import { SecureRouter } from '../../http/routes';
import { PERSON_FIELDS, PersonValues } from './persons-fields';
import { FormContext, formContext, formValues, pickValues, withDuplicates, PERSON_MESSAGES, personUpdateSchema, personCreateSchema } from './persons-form';
import { describeBirth, displayValue } from './persons-lookups';
import { describeReasons } from './persons-duplicates';
import { findPerson, loadPerson, refuseMerged } from './persons-queries';
import { updatePerson, createPerson } from './persons-service';
import { conflictRows, renderConflictPage } from '../../http/conflict';

/** The edit form, plus the box that confirms a different person when the edit brings in possible duplicates. */
const editSchema = (ctx: FormContext) => personUpdateSchema(ctx.schema).extend({ confirm_distinct: z.unknown().optional().transform((v) => v === '1') });

export function personsEditRoutes(r: SecureRouter): void {
  r.get('/persons/:id/edit', 'persons:write', async (req, res) => {
    const person = await loadPerson(req);
    if (refuseMerged(req, res, person)) return;
    const ctx = await formContext(req, person);
    await audit(req, 'person.view', 'person', person.id);
    res.render('persons/edit', { person, values: { ...formValues(person), version: person.version }, options: ctx.options });
  });

  r.post('/persons/:id', 'persons:write', async (req, res) => {
    // No refuseMerged here: a record merged while the form was open gets the conflict page, which keeps what was typed.
    const person = await loadPerson(req);
    const ctx = await formContext(req, person);
    const form = parseForm(editSchema(ctx), req.body);
    const values = { ...req.body, confirm_distinct: '' };
    if (!form.ok) return renderFormPage(res, 'persons/edit', { person, options: ctx.options }, { ...form, values });
    const result = await updatePerson(req, person, form.data.version, pickValues(form.data), form.data.confirm_distinct);
    if (result.ok) {
      flash(req, '本人情報を更新しました。');
      return res.redirect(303, `/persons/${person.id}`);
    }
    if (result.reason === 'duplicate') {
      // 409 as on the new form: valid input that may be a person already stored; nothing was saved.
      return renderFormPage(res, 'persons/edit', {
        person, options: ctx.options, candidates: result.candidates, today: ctx.today, describeBirth, describeReasons, wardById: ctx.lookups.wardById,
      }, { ...fieldError('confirm_distinct', PERSON_MESSAGES.duplicate), values }, 409);
    }
    // Someone saved (or merged) since this form was opened: show both, keep what was typed.
    const current = (await findPerson(req.deps.db, person.id))!;
    const mine: PersonValues = pickValues(form.data);
    const show = (v: Partial<PersonValues>, f: keyof PersonValues) => displayValue(ctx.lookups, f, v[f], ctx.today);
    await audit(req, 'person.view', 'person', person.id);
    renderConflictPage(res, {
      view: 'persons/conflict',
      rows: conflictRows(PERSON_FIELDS, (f) => f.label, (f) => show(mine, f.name), (f) => show(current, f.name)),
      locals: { person: current, values: { ...formValues(mine), version: current.version }, options: (await formContext(req, { ...current, ...mine })).options },
    });
  });
}

const newLocals = (ctx: FormContext) => ({ options: ctx.options, today: ctx.today, describeBirth, describeReasons, wardById: ctx.lookups.wardById, candidates: [] });

export function personsCreateRoutes(r: SecureRouter): void {
  r.get('/persons/new', 'persons:write', async (req, res) => {
    res.render('persons/new', { values: {}, ...newLocals(await formContext(req)) });
  });

  r.post('/persons', 'persons:write', async (req, res) => {
    const ctx = await formContext(req);
    const schema = personCreateSchema(ctx.schema);
    const form = parseForm(schema, req.body);
    const values = { ...req.body, confirm_distinct: '' };
    if (!form.ok) {
      const shown = await withDuplicates(req, form, parsedFields(schema, req.body));
      return renderFormPage(res, 'persons/new', { ...newLocals(ctx), candidates: shown.candidates }, { ...shown.form, values });
    }
    const result = await createPerson(req, pickValues(form.data), form.data.confirm_distinct);
    if (!result.ok) {
      // 409: the input is valid but conflicts with stored records (possible duplicates); nothing was created.
      return renderFormPage(res, 'persons/new', { ...newLocals(ctx), candidates: result.candidates }, { ...fieldError('confirm_distinct', PERSON_MESSAGES.duplicate), values }, 409);
    }
    flash(req, '本人を登録しました。');
    res.redirect(303, `/persons/${result.id}`);
  });
}
