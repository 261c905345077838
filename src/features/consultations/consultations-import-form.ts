/**
 * A consultations ledger row through the consultation form (validateConsultation: its schema, the
 * future-date rule, the choices it offers). Where the import differs, on purpose:
 * - 担当職員 is not a ledger column: the importer is recorded (none from the command line), so the
 *   form checks a stand-in staff choice;
 * - old ledgers name retired categories, methods, consultees and wards: they are offered, as the
 *   edit form offers a record the retired values it holds (the tally keeps them);
 * - categories are written as labels (親/子), read through the category master.
 */
import { Knex } from 'knex';
import { CODE_FIELDS, FormOptions, groupCategories, loadFormOptions } from './consultations-options';
import type { Choice } from '../../contracts';
import { validateConsultation } from './consultations-validate';
import { consultationSchema } from './consultations-schema';
import { LabelLookup, normalizeLabel, choiceOf, formBody, FormMapping, NOT_OFFERED, rowReasons, shown } from '../imports';
import type { Cells, RowResult } from '../../contracts/import-kind';

/** 相談種別 by its written label: a top-level name, or a child as 親/子 (e.g. 後見人支援/身上保護). */
export interface CategoryLookup {
  byLabel: Map<string, { id: number; leaf: boolean; label: string; firstChild?: string }>;
  /** a child's bare name → its full 親/子 label, to hint when the parent was left out */
  childNames: Map<string, string>;
  labels: Map<number, string>;
}

export const CATEGORY_COLUMN = '相談種別';

export const categoryNeedsParent = (value: string, full: string) =>
  `${CATEGORY_COLUMN}「${shown(value)}」は「${full}」のように上位の種別も書いてください`;

/** Every category, retired ones included (old ledgers use them; the tally keeps them). */
export async function loadCategories(db: Knex | Knex.Transaction): Promise<CategoryLookup> {
  const rows: { id: number; parent_id: number | null; name: string }[] = await db('consultation_categories')
    .orderBy([{ column: 'parent_id', order: 'asc', nulls: 'first' }, { column: 'sort_order' }])
    .select('id', 'parent_id', 'name');
  const names = new Map(rows.map((r) => [r.id, r.name]));
  const firstChild = new Map<number, string>();
  for (const r of rows) if (r.parent_id !== null && !firstChild.has(r.parent_id)) firstChild.set(r.parent_id, r.name);
  const lookup: CategoryLookup = { byLabel: new Map(), childNames: new Map(), labels: new Map() };
  for (const r of rows) {
    const label = r.parent_id === null ? r.name : `${names.get(r.parent_id)}/${r.name}`;
    const child = firstChild.get(r.id);
    lookup.byLabel.set(normalizeLabel(label), { id: r.id, leaf: child === undefined, label, firstChild: child && `${label}/${child}` });
    lookup.labels.set(r.id, label);
    if (r.parent_id !== null && !lookup.childNames.has(normalizeLabel(r.name))) lookup.childNames.set(normalizeLabel(r.name), label);
  }
  return lookup;
}

export const C = { date: '相談日', category: CATEGORY_COLUMN, method: '相談方法', consultee: '相談者', ward: '区', content: '内容', response: '対応' } as const;

/** A consultation as imported from the center's Excel ledger (anonymous: no person linked). */
export interface ConsultationImport {
  consulted_on: string;
  category_id: number;
  method_id: number | null;
  consultee_id: number | null;
  ward_id: number | null;
  content: string | null;
  response: string | null;
}

export interface LedgerContext {
  db: Knex | Knex.Transaction;
  today: string;
  options: FormOptions;
  categories: CategoryLookup;
  methods: LabelLookup;
  consultees: LabelLookup;
  wards: LabelLookup;
}

/** The stand-in staff choice (never stored: insert records the importer). */
const LEDGER_STAFF = 1;

const MAPPING: FormMapping = {
  columns: { consulted_on: C.date, category_id: C.category, method_id: C.method, consultee_id: C.consultee, ward_id: C.ward, content: C.content, response: C.response },
  standIns: ['staff_id'],
};

const options = (rows: { id: number; label: string }[]): Choice[] => rows.map((r) => ({ id: r.id, label: r.label }));

/** What the form offers, widened to every retired entry and given the stand-in staff choice. */
export async function ledgerOptions(db: Knex | Knex.Transaction): Promise<FormOptions> {
  const form = await loadFormOptions(db);
  const codes: { id: number; list: string; label: string }[] = await db('code_entries')
    .whereIn('list', Object.values(CODE_FIELDS)).orderBy(['sort_order', 'id']).select('id', 'list', 'label');
  return {
    ...form,
    codes: Object.fromEntries(Object.entries(CODE_FIELDS).map(([field, list]) => [field, options(codes.filter((c) => c.list === list))])) as FormOptions['codes'],
    categories: groupCategories(form.allCategories, (c) => !c.has_children, () => false),
    wards: options(await db('wards').orderBy(['sort_order', 'id']).select('id', 'name as label')),
    staff: [{ id: LEDGER_STAFF, label: '' }],
  };
}

/** The category's id as the form's select would send it; a child named without its parent is hinted at. */
function categoryChoice(value: string, lookup: CategoryLookup): { value: string; detail?: string } {
  const hit = lookup.byLabel.get(normalizeLabel(value));
  if (value === '' || hit) return { value: hit ? String(hit.id) : '' };
  const full = lookup.childNames.get(normalizeLabel(value));
  return { value: NOT_OFFERED, detail: full ? categoryNeedsParent(value, full) : undefined };
}

export async function validateLedgerRow(cells: Cells, ctx: LedgerContext): Promise<RowResult<ConsultationImport>> {
  const category = categoryChoice(cells[C.category], ctx.categories);
  const body = formBody(consultationSchema.shape, {
    consulted_on: cells[C.date], category_id: category.value, method_id: choiceOf(ctx.methods, cells[C.method]),
    consultee_id: choiceOf(ctx.consultees, cells[C.consultee]), ward_id: choiceOf(ctx.wards, cells[C.ward]),
    content: cells[C.content], response: cells[C.response], staff_id: String(LEDGER_STAFF),
  });
  const form = await validateConsultation(ctx.db, consultationSchema, body, ctx.options, ctx.today);
  const r = rowReasons(cells);
  if (!form.ok) {
    r.form(form.errorList, { ...MAPPING, details: category.detail ? { category_id: category.detail } : undefined });
    return r.done<ConsultationImport>(null);
  }
  const d = form.data;
  return r.done({
    consulted_on: d.consulted_on, category_id: d.category_id!, method_id: d.method_id, consultee_id: d.consultee_id,
    ward_id: d.ward_id, content: d.content, response: d.response,
  });
}
