import { Knex } from 'knex';
import { daysBetween } from '../../src/lib/dates';
import { kanaMatchKey } from '../../src/lib/kana';
import { SURNAMES, GIVEN_NAMES, TOWNS, CONTENT_SNIPPETS } from './names';

export interface VolumeOptions {
  persons: number;
  consultations: number;
  firstFiscalYear: number;
  /** last date generated (today): the current fiscal year is only partly filled */
  until: string;
  batch: number;
  progress(line: string): void;
}

const PICK_FUNCTIONS = `
  CREATE OR REPLACE FUNCTION volume_pick(a int[]) RETURNS int LANGUAGE sql VOLATILE AS
    'SELECT a[1 + floor(random() * cardinality(a))::int]';
  CREATE OR REPLACE FUNCTION volume_pick(a text[]) RETURNS text LANGUAGE sql VOLATILE AS
    'SELECT a[1 + floor(random() * cardinality(a))::int]'`;

const INSERT_PERSONS = `
  INSERT INTO persons (name, name_kana, kana_key, match_key, birth_date, sex_id, ward_id, address, phone, phone_digits, condition_id, living)
  SELECT s[si] || chr(12288) || g[gi], sk[si] || chr(12288) || gk[gi], sk[si] || gk[gi], mk[(si - 1) * cardinality(g) + gi], bd, volume_pick(:sexes::int[]),
         volume_pick(:wards::int[]), '熊本市' || volume_pick(:towns::text[]) || (1 + floor(random() * 9))::int || '丁目',
         ph, ph, volume_pick(:conditions::int[]), CASE WHEN random() < 0.4 THEN '施設' ELSE '在宅' END
  FROM (SELECT :sur::text[] AS s, :surK::text[] AS sk, :giv::text[] AS g, :givK::text[] AS gk, :matchKeys::text[] AS mk) names,
  LATERAL (
    SELECT 1 + floor(random() * cardinality(names.s))::int AS si, 1 + floor(random() * cardinality(names.g))::int AS gi,
           DATE '1925-01-01' + floor(random() * 30000)::int AS bd,
           '096' || lpad(floor(random() * 10000000)::int::text, 7, '0') AS ph
    FROM generate_series(1, :n::int)
  ) r`;

const INSERT_CONSULTATIONS = `
  INSERT INTO consultations (consulted_on, start_time, duration_minutes, method_id, consultee_id, category_id, ward_id,
    person_id, age_band_id, sex_id, condition_id, content, response, staff_id, follow_up_on)
  SELECT d, lpad((9 + floor(random() * 8))::int::text, 2, '0') || ':' || volume_pick(ARRAY['00','15','30','45']),
         (5 + floor(random() * 12) * 5)::int, volume_pick(:methods::int[]), volume_pick(:consultees::int[]),
         volume_pick(:leaves::int[]), CASE WHEN random() < 0.95 THEN volume_pick(:wards::int[]) END,
         CASE WHEN random() < 0.6 THEN :firstPerson::int + floor(random() * :persons::int)::int END,
         volume_pick(:ageBands::int[]), volume_pick(:sexes::int[]), volume_pick(:conditions::int[]),
         volume_pick(:snippets::text[]), '制度と手続きを説明した。', volume_pick(:staff::int[]),
         CASE WHEN random() < 0.05 THEN d + 14 END
  FROM (SELECT :start::date + floor(random() * :days::int)::int AS d FROM generate_series(1, :n::int)) r`;

async function codeIds(db: Knex, list: string): Promise<number[]> {
  return (await db('code_entries').where({ list }).orderBy('id').pluck('id')).map(Number);
}

/**
 * Realistic volume, generated inside the database (generate_series) in batches with progress.
 * Fake names only; the same options give the same data (setseed).
 */
export async function generateVolume(db: Knex, o: VolumeOptions): Promise<void> {
  await db.raw(PICK_FUNCTIONS);
  await db.raw('SELECT setseed(0.42)');
  const common = {
    wards: (await db('wards').orderBy('id').pluck('id')).map(Number),
    sexes: await codeIds(db, 'sex'),
    conditions: await codeIds(db, 'condition'),
  };
  const firstPerson = Number((await db('persons').max({ m: 'id' }))[0].m ?? 0) + 1;
  for (let done = 0; done < o.persons; done += o.batch) {
    const n = Math.min(o.batch, o.persons - done);
    await db.raw(INSERT_PERSONS, {
      ...common, n, towns: TOWNS,
      sur: SURNAMES.map((s) => s[0]), surK: SURNAMES.map((s) => s[1]),
      giv: GIVEN_NAMES.map((s) => s[0]), givK: GIVEN_NAMES.map((s) => s[1]),
      // match_key of surname × given name, row-major: the key is of the whole kana (a given name's first vowel may lengthen the surname's last)
      matchKeys: SURNAMES.flatMap((s) => GIVEN_NAMES.map((g) => kanaMatchKey(s[1] + g[1]))),
    });
    o.progress(`本人 ${(done + n).toLocaleString('ja-JP')} / ${o.persons.toLocaleString('ja-JP')}`);
  }
  const leaves = (await db('consultation_categories as c')
    .whereNotExists(db('consultation_categories as k').whereRaw('k.parent_id = c.id')).pluck('c.id')).map(Number);
  const staff = (await db('users').whereIn('role', ['staff']).pluck('id')).map(Number);
  const params = {
    ...common, leaves, firstPerson, persons: Math.max(o.persons, 1),
    methods: await codeIds(db, 'consultation_method'), consultees: await codeIds(db, 'consultee'),
    ageBands: await codeIds(db, 'age_band'), snippets: CONTENT_SNIPPETS, staff: staff.length ? staff : [null],
    start: `${o.firstFiscalYear}-04-01`, days: daysBetween(`${o.firstFiscalYear}-04-01`, o.until) + 1,
  };
  for (let done = 0; done < o.consultations; done += o.batch) {
    const n = Math.min(o.batch, o.consultations - done);
    await db.raw(INSERT_CONSULTATIONS, { ...params, n });
    o.progress(`相談記録 ${(done + n).toLocaleString('ja-JP')} / ${o.consultations.toLocaleString('ja-JP')}`);
  }
  await db.raw('DROP FUNCTION volume_pick(int[]); DROP FUNCTION volume_pick(text[])');
  await db.raw('ANALYZE persons');
  await db.raw('ANALYZE consultations');
}
