import { Request } from 'express';
import { Knex } from 'knex';
import { audit } from '../../../audit/audit-writer';
import { NotFoundError } from '../../../http/errors';
import { toWareki } from '../../../lib/dates';
import { Change, touchPetition, writeHistory } from '../petitions-history';
import { DocumentsForm, RelativeForm } from '../petitions-progress-schema';
import { RelativeRow } from '../record/petitions-queries';
import { scopedPetitions } from '../petitions-scope';
import { inTransaction, updateVersioned } from '../../../db/tx';

/** Relatives and the documents checklist: each change with its history lines, the audit row and a new version. */

type RelativeValues = Pick<RelativeRow, 'name' | 'relation' | 'degree' | 'enquiry_sent_on' | 'reply' | 'reply_on'>;

const columns = (f: RelativeForm): RelativeValues => ({
  name: f.rel_name, relation: f.rel_relation, degree: f.rel_degree, enquiry_sent_on: f.rel_enquiry_on, reply: f.rel_reply, reply_on: f.rel_reply_on,
});

/** '長男・1親等 照会 令和7年5月1日 回答 申立て可（令和7年5月20日）' */
export function describeRelative(r: RelativeValues): string {
  const parts = [`${r.relation}・${r.degree}親等`];
  if (r.enquiry_sent_on) parts.push(`照会 ${toWareki(r.enquiry_sent_on)}`);
  if (r.reply) parts.push(`回答 ${r.reply}${r.reply_on ? `（${toWareki(r.reply_on)}）` : ''}`);
  else if (r.reply_on) parts.push(`回答日 ${toWareki(r.reply_on)}`);
  return parts.join(' ');
}

const relativeField = (name: string) => `親族「${name}」`;

/** Runs `work` with the (scoped, locked) petition; bumps its version and writes history + audit when it changed something. */
async function withPetition<T>(req: Request, id: number, action: string, work: (trx: Knex.Transaction) => Promise<{ result: T; changes: Change[] }>): Promise<T> {
  const { db, clock } = req.deps;
  const now = clock.now();
  const by = req.user!.id;
  return inTransaction(db, async (trx) => {
    const p = await scopedPetitions(trx, req.user!).where('p.id', id).forUpdate().first('p.id', 'p.version');
    if (!p) throw new NotFoundError();
    const { result, changes } = await work(trx);
    if (changes.length) {
      await touchPetition(trx, id, by, now);
      await writeHistory(trx, id, by, now, changes);
      await audit(req, action, 'petition', id, trx);
    }
    return result;
  });
}

export function addRelative(req: Request, id: number, f: RelativeForm): Promise<void> {
  return withPetition(req, id, 'petition.relative', async (trx) => {
    const v = columns(f);
    await trx('petition_relatives').insert({ petition_id: id, ...v });
    return { result: undefined, changes: [{ field: relativeField(v.name), old: null, new: describeRelative(v) }] };
  });
}

/** false when the relative changed or went since the form was read. */
export function updateRelative(req: Request, id: number, before: RelativeRow, f: RelativeForm & { version: number }): Promise<boolean> {
  return withPetition(req, id, 'petition.relative', async (trx) => {
    const v = columns(f);
    if (!(await updateVersioned(trx, 'petition_relatives', before.id, f.version, v, { where: { petition_id: id } }))) return { result: false, changes: [] };
    const old = `${before.name} ${describeRelative(before)}`;
    const now = `${v.name} ${describeRelative(v)}`;
    return { result: true, changes: old === now ? [] : [{ field: relativeField(before.name), old, new: now }] };
  });
}

export function deleteRelative(req: Request, id: number, before: RelativeRow, version: number): Promise<boolean> {
  return withPetition(req, id, 'petition.relative', async (trx) => {
    const n = await trx('petition_relatives').where({ id: before.id, petition_id: id, version }).del();
    if (n !== 1) return { result: false, changes: [] };
    return { result: true, changes: [{ field: relativeField(before.name), old: describeRelative(before), new: '削除' }] };
  });
}

/** '未収集', '収集済', '収集済（令和7年5月1日）' */
export const docState = (on: string | null | undefined, has: boolean) => (!has ? '未収集' : on ? `収集済（${toWareki(on)}）` : '収集済');

/** Saves the checklist if the petition is still at `version`; only the documents that changed are written. */
export function saveDocuments(req: Request, id: number, f: DocumentsForm, documents: { id: number; label: string }[]): Promise<'ok' | 'conflict'> {
  return withPetition(req, id, 'petition.documents', async (trx) => {
    const p = await trx('petitions').where({ id }).first('version');
    if (p.version !== f.version) return { result: 'conflict' as const, changes: [] };
    const rows: { document_id: number; gathered_on: string | null }[] = await trx('petition_documents').where({ petition_id: id }).select('document_id', 'gathered_on');
    const current = new Map(rows.map((r) => [r.document_id, r.gathered_on]));
    const changes: Change[] = [];
    for (const d of documents) {
      const had = current.has(d.id);
      const has = f.gathered.has(d.id);
      const before = current.get(d.id) ?? null;
      const after = f.gathered.get(d.id) ?? null;
      if (had === has && before === after) continue;
      if (had) await trx('petition_documents').where({ petition_id: id, document_id: d.id }).del();
      if (has) await trx('petition_documents').insert({ petition_id: id, document_id: d.id, gathered_on: after });
      changes.push({ field: `書類「${d.label}」`, old: docState(before, had), new: docState(after, has) });
    }
    return { result: 'ok' as const, changes };
  });
}
