import { Knex } from 'knex';
import { fiscalYearOf } from '../src/lib/dates';

/** Real rows of the scan database, so every filter's baseline finds something to compare with. */
export interface Samples {
  c: { id: number; consulted_on: string; category_id: number; ward_id: number; method_id: number; consultee_id: number; staff_id: number; condition_id: number; content: string };
  p: { id: number; name_kana: string; kana_key: string; birth_date: string; ward_id: number; phone: string };
  otherPersonId: number;
}

export async function readSamples(db: Knex): Promise<Samples> {
  const c = await db('consultations').whereNotNull('ward_id').whereNotNull('staff_id').orderBy('id').first(
    'id', db.raw("to_char(consulted_on, 'YYYY-MM-DD') as consulted_on"), 'category_id', 'ward_id', 'method_id', 'consultee_id', 'staff_id', 'condition_id', 'content',
  );
  const p = await db('persons').whereNotNull('phone').orderBy('id').first(
    'id', 'name_kana', 'kana_key', db.raw("to_char(birth_date, 'YYYY-MM-DD') as birth_date"), 'ward_id', 'phone',
  );
  const other = await db('persons').whereNot('id', p.id).orderBy('id').first('id');
  return { c, p, otherPersonId: other.id };
}

/** One sqlmap run: a GET URL, or a POST form read from `formPath` (its fields, then `overrides`). */
export interface SqlmapTarget {
  name: string;
  path: string;
  as: 'staff' | 'manager' | 'anonymous';
  form?: { formPath: string; overrides: Record<string, string> };
}

const qs = (o: Record<string, string | number>) => new URLSearchParams(Object.entries(o).map(([k, v]): [string, string] => [k, String(v)])).toString();

/** The list filters and the forms, as the issue lists them; only what each user may open. */
export function sqlmapTargets(s: Samples): SqlmapTarget[] {
  const fy = fiscalYearOf(s.c.consulted_on);
  const month = Number(s.c.consulted_on.slice(5, 7));
  const { c, p } = s;
  return [
    { name: 'consultations-list', as: 'staff', path: `/consultations?${qs({ fy, month, category: c.category_id, ward: c.ward_id, method: c.method_id, consultee: c.consultee_id, staff: c.staff_id, q: c.content.slice(0, 4) })}` },
    { name: 'consultations-cursor', as: 'staff', path: `/consultations?${qs({ fy, after: `${c.consulted_on}.${c.id + 1}` })}` },
    { name: 'persons-search', as: 'staff', path: `/persons?${qs({ kana: p.name_kana.slice(0, 2), birth: p.birth_date, ward_id: p.ward_id, phone: p.phone })}` },
    { name: 'persons-cursor', as: 'staff', path: `/persons?${qs({ after: p.kana_key, after_id: p.id })}` },
    { name: 'persons-merge-search', as: 'staff', path: `/persons/${s.otherPersonId}/merge?${qs({ kana: p.name_kana.slice(0, 2), birth: p.birth_date })}` },
    { name: 'petitions-list', as: 'staff', path: `/petitions?${qs({ ward: c.ward_id, stage: 1, fy, closed: 'include', stalled: 1 })}` },
    { name: 'report-monthly', as: 'staff', path: `/reports/consultations-monthly?${qs({ fy, ward: c.ward_id, method: c.method_id, consultee: c.consultee_id, condition: c.condition_id })}` },
    { name: 'report-petitions-yearly', as: 'staff', path: `/reports/petitions-yearly?${qs({ from: fy - 2, to: fy })}` },
    { name: 'audit-log', as: 'manager', path: `/admin/audit?${qs({ user: 1, action: 'login.success', record_type: 'user', record_id: 1, from: `${fy}-04-01`, to: `${fy + 1}-03-31` })}` },
    { name: 'login', as: 'anonymous', path: '/login', form: { formPath: '/login', overrides: { username: 'scan-nobody', password: 'not-the-password' } } },
    { name: 'person-create', as: 'staff', path: '/persons', form: { formPath: '/persons/new', overrides: { name: '検査 太郎', name_kana: 'ケンサ タロウ', phone: '0961234567', address: '熊本市中央区手取本町1-1' } } },
    { name: 'consultation-create', as: 'staff', path: '/consultations', form: { formPath: `/consultations/new?person_id=${p.id}`, overrides: { consulted_on: c.consulted_on, content: '検査のための相談内容', response: '検査のための対応' } } },
    { name: 'petition-create', as: 'staff', path: '/petitions', form: { formPath: `/petitions/new?person_id=${p.id}`, overrides: { referral_source: '検査', reason_note: '検査' } } },
  ];
}
