/**
 * What the manager's dashboard compares with the same period last year. Each measure counts in SQL
 * over a date range (ISO, both ends inclusive). To add a measure (報酬助成の承認件数, 受任調整会議の
 * 開催回数 …) add one entry to DASHBOARD_MEASURES with its count function; the table and the charts
 * follow.
 */
import type { Knex } from 'knex';
import type { DashboardMeasure } from '../../contracts/dashboard';

const n = async (q: Knex.QueryBuilder): Promise<number> => Number((await q.count({ n: '*' }))[0].n);

/** Live consultations by consultation date. */
export const consultationsMeasure: DashboardMeasure = {
  key: 'consultations', label: '相談件数', unit: '件', href: '/reports/consultations-monthly',
  count: (db, from, to) => n(db('consultations').whereNull('deleted_at').whereBetween('consulted_on', [from, to])),
};

/** Mayoral petitions filed with the family court (stage 8) by filing date, every ward. */
export const petitionsFiledMeasure: DashboardMeasure = {
  key: 'petitions_filed', label: '市長申立て（家裁への申立て）', unit: '件', href: '/reports/petitions-yearly',
  count: (db, from, to) => n(db('petitions').whereBetween('filed_on', [from, to])),
};

/** Approved subsidy applications by decision date. */
export const subsidiesGrantedMeasure: DashboardMeasure = {
  key: 'subsidies_granted', label: '報酬助成（承認）', unit: '件', href: '/reports/subsidies-yearly',
  count: (db, from, to) => n(db('subsidies').whereNull('deleted_at').where('decision', '承認').whereBetween('decided_on', [from, to])),
};

/** Appointment-matching meetings held, by meeting date. */
export const meetingsHeldMeasure: DashboardMeasure = {
  key: 'meetings_held', label: '受任調整会議（開催回数）', unit: '回', href: '/reports/meetings-monthly',
  count: (db, from, to) => n(db('meetings').whereNull('deleted_at').whereBetween('held_on', [from, to])),
};

export const DASHBOARD_MEASURES: DashboardMeasure[] = [
  consultationsMeasure,
  petitionsFiledMeasure,
  subsidiesGrantedMeasure,
  meetingsHeldMeasure,
];
