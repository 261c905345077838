/**
 * Test data for the consultation tables: a seeded PRNG, a random consultation generator,
 * and an independent count computed from the generated list (not from SQL).
 */
import { Knex } from 'knex';

/** mulberry32: a small deterministic PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Leaf { id: number; csvLabel: string; retired: boolean }
export interface Value { id: number; label: string; retired: boolean }

export interface Masters {
  leaves: Leaf[];
  wards: Value[];
  method: Value[];
  consultee: Value[];
  condition: Value[];
}

export async function loadMasters(db: Knex): Promise<Masters> {
  const cats = await db('consultation_categories as c').leftJoin('consultation_categories as p', 'p.id', 'c.parent_id')
    .orderByRaw('COALESCE(p.sort_order, c.sort_order), COALESCE(c.parent_id, c.id), c.sort_order')
    .select('c.id', 'c.name', 'p.name as parent', 'c.retired_at', 'p.retired_at as parent_retired',
      db.raw('EXISTS (SELECT 1 FROM consultation_categories k WHERE k.parent_id = c.id) AS has_children'));
  const leaves = cats.filter((c) => !c.has_children)
    .map((c) => ({ id: c.id, csvLabel: c.parent ? `${c.parent}/${c.name}` : c.name, retired: Boolean(c.retired_at || c.parent_retired) }));
  const values = (rows: { id: number; label: string; retired_at: Date | null }[]) => rows.map((r) => ({ id: r.id, label: r.label, retired: r.retired_at !== null }));
  const codes = (list: string) => db('code_entries').where({ list }).orderBy(['sort_order', 'id']).select('id', 'label', 'retired_at');
  return {
    leaves,
    wards: values(await db('wards').orderBy(['sort_order', 'id']).select('id', 'name as label', 'retired_at')),
    method: values(await codes('consultation_method')),
    consultee: values(await codes('consultee')),
    condition: values(await codes('condition')),
  };
}

export interface Gen {
  consulted_on: string;
  category_id: number;
  ward_id: number | null;
  method_id: number | null;
  consultee_id: number | null;
  condition_id: number | null;
  deleted: boolean;
}

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/**
 * n random consultations from 2023-03 to 2025-04 (FY2023 and FY2024 plus a month either side),
 * with the fiscal-year boundary days always present, ~10% deleted, ~20% without a ward.
 * Masters in `onlyIn2023` (the retired ones) are used only for FY2023 dates.
 */
export function generate(m: Masters, n: number, seed: number, onlyIn2023: Set<object> = new Set()): Gen[] {
  const rnd = prng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
  const boundaries = ['2023-03-31', '2023-04-01', '2024-03-31', '2024-04-01', '2025-03-31', '2025-04-01'];
  const out: Gen[] = [];
  for (let i = 0; i < n; i++) {
    let date: string;
    if (i < boundaries.length * 3) date = boundaries[i % boundaries.length];
    else {
      const monthIndex = Math.floor(rnd() * 26); // 2023-03 … 2025-04
      const y = 2023 + Math.floor((monthIndex + 2) / 12);
      const mo = ((monthIndex + 2) % 12) + 1;
      date = iso(y, mo, 1 + Math.floor(rnd() * 28));
    }
    const in2023 = date >= '2023-04-01' && date <= '2024-03-31';
    const usable = <T extends object>(xs: T[]) => xs.filter((x) => in2023 || !onlyIn2023.has(x));
    const maybe = (xs: Value[], pNull: number) => (rnd() < pNull ? null : pick(usable(xs)).id);
    out.push({
      consulted_on: date,
      category_id: pick(usable(m.leaves)).id,
      ward_id: maybe(m.wards, 0.2),
      method_id: maybe(m.method, 0.1),
      consultee_id: maybe(m.consultee, 0.1),
      condition_id: maybe(m.condition, 0.3),
      deleted: rnd() < 0.1,
    });
  }
  return out;
}

export async function insertConsultations(db: Knex, rows: Gen[]): Promise<void> {
  const records = rows.map(({ deleted, ...r }) => ({
    ...r,
    deleted_at: deleted ? new Date('2026-01-01T00:00:00Z') : null,
    deleted_reason: deleted ? '誤登録' : null,
  }));
  for (let i = 0; i < records.length; i += 200) await db('consultations').insert(records.slice(i, i + 200));
}

/** The fiscal year of an ISO date, computed here rather than with the app's helper. */
export function fyOf(date: string): number {
  const [y, mo] = date.split('-').map(Number);
  return mo >= 4 ? y : y - 1;
}

export type DimField = 'ward_id' | 'method_id' | 'consultee_id' | 'condition_id';

/** Independent count of live consultations in fy matching `where`, for one category. */
export function expectedCount(rows: Gen[], fy: number, categoryId: number, where: (g: Gen) => boolean): number {
  return rows.filter((g) => !g.deleted && fyOf(g.consulted_on) === fy && g.category_id === categoryId && where(g)).length;
}
