/** A database with random consultations over FY2023–FY2024 and some retired masters (see monthly/breakdown tests). */
import { Knex } from 'knex';
import { openTestDatabase, TestDatabase } from '../../helpers/test-db';
import { expectedCount, fyOf, Gen, generate, insertConsultations, Leaf, loadMasters, Masters, Value } from './consultation-data';

export interface RandomWorld {
  tdb: TestDatabase;
  db: Knex;
  rows: Gen[];
  /** Masters as they stand after the data was made (incl. a retired leaf that never had rows). */
  masters: Masters;
  retired: { category: Leaf; child: Leaf; ward: Value; method: Value; unused: Leaf };
}

const RETIRED_AT = new Date('2024-06-01T00:00:00Z');

export async function randomWorld(seed: number, n = 500): Promise<RandomWorld> {
  const tdb = await openTestDatabase();
  const db = tdb.db;
  await db('consultation_categories').insert({ name: '旧相談種別', sort_order: 13, retired_at: RETIRED_AT });
  await db('consultation_categories').where({ name: '財産管理' }).update({ retired_at: RETIRED_AT });
  await db('wards').insert({ name: '旧区', sort_order: 6, retired_at: RETIRED_AT });
  await db('code_entries').where({ list: 'consultation_method', label: 'その他' }).update({ retired_at: RETIRED_AT });
  const before = await loadMasters(db);
  const only = new Set<object>([
    before.leaves.find((l) => l.csvLabel === '旧相談種別')!,
    before.leaves.find((l) => l.csvLabel === '後見人支援/財産管理')!,
    before.wards.find((w) => w.label === '旧区')!,
    before.method.find((w) => w.label === 'その他')!,
  ]);
  const rows = generate(before, n, seed, only);
  await insertConsultations(db, rows);
  await db('consultation_categories').insert({ name: '廃止種別', sort_order: 14, retired_at: RETIRED_AT });
  const masters = await loadMasters(db);
  const leaf = (label: string) => masters.leaves.find((l) => l.csvLabel === label)!;
  return {
    tdb, db, rows, masters,
    retired: {
      category: leaf('旧相談種別'), child: leaf('後見人支援/財産管理'), unused: leaf('廃止種別'),
      ward: masters.wards.find((w) => w.label === '旧区')!, method: masters.method.find((w) => w.label === 'その他')!,
    },
  };
}

/** The columns a year's table must have: every live leaf, plus retired leaves with rows that year. */
export function expectedLeaves(w: RandomWorld, fy: number, where: (g: Gen) => boolean = () => true): Leaf[] {
  return w.masters.leaves.filter((l) => !l.retired || expectedCount(w.rows, fy, l.id, where) > 0);
}

export const MONTHS = ['4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月', '1月', '2月', '3月'];
export const monthOf = (g: Gen) => Number(g.consulted_on.slice(5, 7));
export const liveIn = (rows: Gen[], fy: number) => rows.filter((g) => !g.deleted && fyOf(g.consulted_on) === fy);
