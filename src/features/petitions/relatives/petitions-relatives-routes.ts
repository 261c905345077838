import { Request, Response } from 'express';
import { flash } from '../../../http/flash';
import { FormErrors, parseForm, renderFormPage } from '../../../http/forms';
import { idParam } from '../../../http/params';
import { SecureRouter } from '../../../http/routes';
import { addRelative, deleteRelative, describeRelative, docState, saveDocuments, updateRelative } from './petitions-children-service';
import { offered } from '../../masters';
import { loadPetitionOptions } from '../petitions-options';
import { loadPetition, renderPetition, scopedId } from '../record/petitions-page';
import { parseDocuments, RELATIVE_REPLIES, relativeDeleteSchema, relativeEditSchema, relativeSchema, validateRelative } from '../petitions-progress-schema';
import { documentsOf, findRelative, RelativeRow } from '../record/petitions-queries';
import { childNotFound } from '../petitions-scope';
import { conflictRows, renderConflictPage } from '../../../http/conflict';
import { today } from '../../../http/today';

/** The relative named in the path, within this user's petition, or 404 (audited when it is another ward's). */
async function loadRelative(req: Request, id: number): Promise<RelativeRow> {
  const relativeId = idParam(req, 'relativeId');
  return (await findRelative(req.deps.db, req.user!, id, relativeId)) ?? childNotFound(req, 'petition_relatives', relativeId);
}

const formValues = (r: RelativeRow) => ({
  rel_name: r.name, rel_relation: r.relation, rel_degree: String(r.degree), rel_enquiry_on: r.enquiry_sent_on ?? '',
  rel_reply: r.reply ?? '', rel_reply_on: r.reply_on ?? '', version: r.version,
});

async function renderRelativeEdit(req: Request, res: Response, id: number, rel: RelativeRow, values: Record<string, unknown>, status = 200, e?: FormErrors) {
  const p = await loadPetition(req, id);
  renderFormPage(res, 'petitions/relative-edit', { p, rel, values, replies: RELATIVE_REPLIES }, e, status);
}

const conflictPage = (res: Response, id: number, mine: string, theirs: string) => renderConflictPage(res, {
  backHref: `/petitions/${id}#relatives`, rows: [{ label: '親族', mine, theirs }],
});

/** Relatives (add, edit, delete) and the documents checklist: ward staff and center staff alike. */
export function relativesRoutes(r: SecureRouter): void {
  r.post('/petitions/:petitionId/relatives', 'petitions:progress', async (req, res) => {
    const id = await scopedId(req);
    const form = validateRelative(relativeSchema, req.body, today(req));
    if (!form.ok) return renderPetition(req, res, id, 400, { ...form, values: req.body ?? {} });
    await addRelative(req, id, form.data);
    flash(req, `親族「${form.data.rel_name}」を追加しました。`);
    res.redirect(303, `/petitions/${id}#relatives`);
  });

  r.get('/petitions/:petitionId/relatives/:relativeId/edit', 'petitions:progress', async (req, res) => {
    const id = await scopedId(req);
    const rel = await loadRelative(req, id);
    await renderRelativeEdit(req, res, id, rel, formValues(rel));
  });

  r.post('/petitions/:petitionId/relatives/:relativeId', 'petitions:progress', async (req, res) => {
    const id = await scopedId(req);
    const rel = await loadRelative(req, id);
    const form = validateRelative(relativeEditSchema, req.body, today(req));
    if (!form.ok) return renderRelativeEdit(req, res, id, rel, req.body ?? {}, 400, form);
    if (!(await updateRelative(req, id, rel, form.data))) {
      const now = await findRelative(req.deps.db, req.user!, id, rel.id);
      const mine = `${form.data.rel_name} ${describeRelative({ name: form.data.rel_name, relation: form.data.rel_relation, degree: form.data.rel_degree, enquiry_sent_on: form.data.rel_enquiry_on, reply: form.data.rel_reply, reply_on: form.data.rel_reply_on })}`;
      return conflictPage(res, id, mine, now ? `${now.name} ${describeRelative(now)}` : '（削除されています）');
    }
    flash(req, `親族「${form.data.rel_name}」を保存しました。`);
    res.redirect(303, `/petitions/${id}#relatives`);
  });

  r.post('/petitions/:petitionId/relatives/:relativeId/delete', 'petitions:progress', async (req, res) => {
    const id = await scopedId(req);
    const rel = await loadRelative(req, id);
    const form = parseForm(relativeDeleteSchema, req.body);
    const done = form.ok && (await deleteRelative(req, id, rel, form.data.version));
    if (done) flash(req, `親族「${rel.name}」を削除しました。`);
    else flash(req, 'この親族の記録は他の人が先に変更しました。内容を確認してから、もう一度操作してください。', 'error');
    res.redirect(303, `/petitions/${id}#relatives`);
  });

  r.post('/petitions/:petitionId/documents', 'petitions:progress', async (req, res) => {
    const id = await scopedId(req);
    const o = await loadPetitionOptions(req.deps.db);
    const documents = offered(o.lists.petition_document, [...(await documentsOf(req.deps.db, req.user!, id)).keys()]);
    const form = parseDocuments(req.body ?? {}, documents.map((d) => d.id), today(req));
    if (!form.ok) return renderPetition(req, res, id, 400, { ...form, values: req.body ?? {} });
    if ((await saveDocuments(req, id, form.data, documents)) === 'conflict') {
      const now = await documentsOf(req.deps.db, req.user!, id);
      return renderConflictPage(res, {
        backHref: `/petitions/${id}#documents`,
        rows: conflictRows(documents, (d) => d.label, (d) => docState(form.data.gathered.get(d.id), form.data.gathered.has(d.id)), (d) => docState(now.get(d.id), now.has(d.id))),
      });
    }
    flash(req, '書類のチェックリストを保存しました。');
    res.redirect(303, `/petitions/${id}#documents`);
  });
}
