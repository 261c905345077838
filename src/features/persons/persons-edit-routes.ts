import { audit } from '../../audit/audit-writer';
import { flash } from '../../http/flash';
import { parseForm, renderBadRequest } from '../../http/forms';
import { SecureRouter } from '../../http/routes';
import { PERSON_FIELDS, PersonValues } from './persons-fields';
import { formContext, formValues, pickValues } from './persons-form';
import { displayValue } from './persons-lookups';
import { findPerson } from './persons-queries';
import { personUpdateSchema } from './persons-schema';
import { updatePerson } from './persons-service';
import { loadPerson, refuseMerged } from './persons-load';

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
    const form = parseForm(personUpdateSchema(ctx.schema), req.body);
    if (!form.ok) return renderBadRequest(res, 'persons/edit', form, req.body, { person, options: ctx.options });
    if (await updatePerson(req, person.id, form.data.version, pickValues(form.data))) {
      flash(req, '本人情報を更新しました。');
      return res.redirect(303, `/persons/${person.id}`);
    }
    // Someone saved (or merged) since this form was opened: show both, keep what was typed.
    const current = (await findPerson(req.deps.db, person.id))!;
    const mine: PersonValues = pickValues(form.data);
    const show = (v: Partial<PersonValues>, f: keyof PersonValues) => displayValue(ctx.lookups, f, v[f], ctx.today);
    await audit(req, 'person.view', 'person', person.id);
    res.status(409).render('persons/conflict', {
      person: current,
      rows: PERSON_FIELDS.map((f) => ({ label: f.label, mine: show(mine, f.name), theirs: show(current, f.name) })),
      values: { ...formValues(mine), version: current.version },
      options: (await formContext(req, { ...current, ...mine })).options,
    });
  });
}
