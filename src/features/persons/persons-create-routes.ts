import { flash } from '../../http/flash';
import { fieldError, parsedFields, parseForm, renderFormPage } from '../../http/forms';
import { SecureRouter } from '../../http/routes';
import { FormContext, formContext, pickValues, withDuplicates } from './persons-form';
import { describeBirth } from './persons-lookups';
import { describeReasons } from './persons-duplicates';
import { personCreateSchema, PERSON_MESSAGES } from './persons-schema';
import { createPerson } from './persons-service';

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
