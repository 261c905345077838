/**
 * The ways a consultation can be broken down or filtered besides its category: ward,
 * method, consultee and underlying condition. Values come from master data in master order.
 */
import type { Knex } from 'knex';
import { CODE_LIST_NAMES } from '../../../seeds/master-lists';
import { REPORT_MESSAGES } from './report-params';
import { FilterOption, ReportFilter, ReportParamError } from '../../contracts/report';

export type DimensionKey = 'ward' | 'method' | 'consultee' | 'condition';

export interface Dimension extends ReportFilter {
  name: DimensionKey;
  /** Column of consultations holding the value's id. */
  column: string;
  /** Suffix of the breakdown's title: '区別'. */
  titleSuffix: string;
}

const codeList = (list: string) => (db: Knex): Promise<FilterOption[]> =>
  db('code_entries').where({ list }).orderBy(['sort_order', 'id'])
    .select('id', 'label', db.raw('retired_at IS NOT NULL AS retired'));

export const DIMENSIONS: Record<DimensionKey, Dimension> = {
  ward: {
    name: 'ward', label: '区', column: 'ward_id', titleSuffix: '区別',
    options: (db) => db('wards').orderBy(['sort_order', 'id']).select('id', 'name as label', db.raw('retired_at IS NOT NULL AS retired')),
  },
  method: { name: 'method', label: CODE_LIST_NAMES.consultation_method, column: 'method_id', titleSuffix: '相談方法別', options: codeList('consultation_method') },
  consultee: { name: 'consultee', label: CODE_LIST_NAMES.consultee, column: 'consultee_id', titleSuffix: '相談者別', options: codeList('consultee') },
  condition: { name: 'condition', label: CODE_LIST_NAMES.condition, column: 'condition_id', titleSuffix: '疾病・障害別', options: codeList('condition') },
};

export const CONSULTATION_FILTERS: Dimension[] = [DIMENSIONS.ward, DIMENSIONS.method, DIMENSIONS.consultee, DIMENSIONS.condition];

export interface AppliedFilter {
  dimension: Dimension;
  id: number;
  label: string;
}

/** The filters that were given, with their labels; an id that names nothing is a ReportParamError. */
export async function resolveFilters(db: Knex, filters: Record<string, number>): Promise<AppliedFilter[]> {
  const applied: AppliedFilter[] = [];
  for (const dimension of CONSULTATION_FILTERS) {
    const id = filters[dimension.name];
    if (id === undefined) continue;
    const found = (await dimension.options(db)).find((o) => o.id === id);
    if (!found) throw new ReportParamError(dimension.name, REPORT_MESSAGES.unknownFilter(dimension.label));
    applied.push({ dimension, id, label: found.label });
  }
  return applied;
}
