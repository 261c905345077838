import { Knex } from 'knex';
import { Db } from '../../db/knex';
import type { TimelineEntry, TimelineSource } from '../../contracts/timeline';
import { categoryLabel } from './consultations-options';

/** A consultation with every id resolved to what a person reads. */
export interface ConsultationView {
  id: number;
  consulted_on: string;
  start_time: string | null;
  duration_minutes: number | null;
  method_id: number | null;
  consultee_id: number | null;
  category_id: number;
  ward_id: number | null;
  person_id: number | null;
  age_band_id: number | null;
  sex_id: number | null;
  condition_id: number | null;
  referral_center_id: number | null;
  content: string | null;
  response: string | null;
  referral: string | null;
  follow_up_on: string | null;
  follow_up_done_at: Date | null;
  staff_id: number | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
  method_label: string | null;
  consultee_label: string | null;
  category_name: string;
  category_parent_name: string | null;
  ward_name: string | null;
  age_band_label: string | null;
  sex_label: string | null;
  condition_label: string | null;
  referral_center_name: string | null;
  staff_name: string | null;
  person_name: string | null;
  person_kana: string | null;
  person_birth_date: string | null;
  created_by_name: string | null;
  updated_by_name: string | null;
}

/** The category (`cat`) and its parent (`par`, null for a top-level one); `c` is the consultations alias. */
function withCategory(q: Knex.QueryBuilder): Knex.QueryBuilder {
  return q
    .join('consultation_categories as cat', 'cat.id', 'c.category_id')
    .leftJoin('consultation_categories as par', 'par.id', 'cat.parent_id');
}

/** The joins that turn ids into labels; `c` is the consultations alias. */
export function withLabels(db: Db | Knex.Transaction, q: Knex.QueryBuilder): Knex.QueryBuilder {
  return withCategory(q)
    .leftJoin('code_entries as me', 'me.id', 'c.method_id')
    .leftJoin('code_entries as ce', 'ce.id', 'c.consultee_id')
    .leftJoin('wards as w', 'w.id', 'c.ward_id')
    .leftJoin('users as su', 'su.id', 'c.staff_id')
    .select('cat.name as category_name', 'par.name as category_parent_name', 'me.label as method_label',
      'ce.label as consultee_label', 'w.name as ward_name', 'su.display_name as staff_name');
}

/** One live (not deleted) consultation with its labels, or undefined. */
export function findConsultation(db: Db | Knex.Transaction, id: number): Promise<ConsultationView | undefined> {
  const q = db('consultations as c').where('c.id', id).whereNull('c.deleted_at').first('c.*');
  return withLabels(db, q)
    .leftJoin('code_entries as ab', 'ab.id', 'c.age_band_id')
    .leftJoin('code_entries as sx', 'sx.id', 'c.sex_id')
    .leftJoin('code_entries as cd', 'cd.id', 'c.condition_id')
    .leftJoin('referral_centers as rc', 'rc.id', 'c.referral_center_id')
    .leftJoin('persons as p', 'p.id', 'c.person_id')
    .leftJoin('users as cu', 'cu.id', 'c.created_by')
    .leftJoin('users as uu', 'uu.id', 'c.updated_by')
    .select('ab.label as age_band_label', 'sx.label as sex_label', 'cd.label as condition_label', 'rc.name as referral_center_name',
      'p.name as person_name', 'p.name_kana as person_kana', 'p.birth_date as person_birth_date',
      'cu.display_name as created_by_name', 'uu.display_name as updated_by_name') as unknown as Promise<ConsultationView | undefined>;
}

/** Whether a consultation exists in the soft-deleted state. */
export async function isDeleted(db: Db, id: number): Promise<boolean> {
  return Boolean(await db('consultations').where({ id }).whereNotNull('deleted_at').first('id'));
}

export interface DeletedRow {
  id: number;
  consulted_on: string;
  category_name: string;
  category_parent_name: string | null;
  deleted_at: Date;
  deleted_by_name: string | null;
  /** Only for those who read the records: the system administrator restores without reading the case. */
  deleted_reason?: string;
}

/** Soft-deleted consultations, most recently deleted first: minimal columns, no content. */
export function listDeleted(db: Db, limit: number, withReason: boolean): Promise<DeletedRow[]> {
  const q = withCategory(db('consultations as c'))
    .leftJoin('users as du', 'du.id', 'c.deleted_by')
    .whereNotNull('c.deleted_at')
    .orderBy([{ column: 'c.deleted_at', order: 'desc' }, { column: 'c.id', order: 'desc' }])
    .limit(limit)
    .select('c.id', 'c.consulted_on', 'cat.name as category_name', 'par.name as category_parent_name',
      'c.deleted_at', 'du.display_name as deleted_by_name');
  if (withReason) q.select('c.deleted_reason');
  return q;
}

/** A person's live consultations for their timeline: date, category and method, newest first. */
export const consultationTimeline: TimelineSource = async (db, personId) => {
  const rows: { id: number; consulted_on: string; name: string; parent_name: string | null; method: string | null }[] = await db('consultations as c')
    .join('consultation_categories as cat', 'cat.id', 'c.category_id')
    .leftJoin('consultation_categories as par', 'par.id', 'cat.parent_id')
    .leftJoin('code_entries as me', 'me.id', 'c.method_id')
    .where('c.person_id', personId).whereNull('c.deleted_at')
    .orderBy([{ column: 'c.consulted_on', order: 'desc' }, { column: 'c.id', order: 'desc' }])
    .select('c.id', 'c.consulted_on', 'cat.name', 'par.name as parent_name', 'me.label as method');
  return rows.map((r): TimelineEntry => ({
    date: r.consulted_on,
    kind: '相談記録',
    summary: r.method ? `${categoryLabel(r)}（${r.method}）` : categoryLabel(r),
    href: `/consultations/${r.id}`,
  }));
};
