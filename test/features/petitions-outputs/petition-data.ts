/**
 * Test data for the petitions outputs: persons and petitions inserted directly, a seeded random
 * generator with the fiscal-year boundary days always present and petitions never filed, and
 * independent counts computed from the generated list (not from SQL).
 */
import { Knex } from 'knex';
import { prng } from '../reports/consultation-data';
import { insertPerson } from '../../helpers/factories';

export interface Value { id: number; label: string }
export interface PetitionMastersT { wards: Value[]; types: Value[]; bases: Value[] }

export async function loadMasters(db: Knex): Promise<PetitionMastersT> {
  const codes = (list: string) => db('code_entries').where({ list }).orderBy(['sort_order', 'id']).select('id', 'label');
  return {
    wards: await db('wards').orderBy(['sort_order', 'id']).select('id', 'name as label'),
    types: (await codes('guardianship_type')).filter((t: Value) => t.label !== '任意後見'),
    bases: await codes('legal_basis'),
  };
}

export interface GenPetition {
  ward_id: number;
  type_sought_id: number | null;
  legal_basis_id: number | null;
  filed_on: string | null;
}

export async function insertPetition(db: Knex, personId: number, p: Partial<GenPetition> & { ward_id: number }): Promise<number> {
  const [row] = await db('petitions').insert({ person_id: personId, ...p }).returning('id');
  return row.id;
}

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
export const BOUNDARIES = ['2019-03-31', '2019-04-01', '2020-03-31', '2020-04-01', '2023-03-31', '2023-04-01', '2024-03-31', '2024-04-01'];

/**
 * n random petitions filed between 2018-01 and 2025-06 (the boundary days always present),
 * ~15% never filed, ~10% without a 類型 and ~10% without a legal basis.
 */
export function generate(m: PetitionMastersT, n: number, seed: number): GenPetition[] {
  const rnd = prng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
  return Array.from({ length: n }, (_, i) => {
    let filed: string | null;
    if (i < BOUNDARIES.length * 2) filed = BOUNDARIES[i % BOUNDARIES.length];
    else if (rnd() < 0.15) filed = null;
    else {
      const month = Math.floor(rnd() * 90); // 2018-01 … 2025-06
      filed = iso(2018 + Math.floor(month / 12), (month % 12) + 1, 1 + Math.floor(rnd() * 28));
    }
    return {
      ward_id: pick(m.wards).id,
      type_sought_id: rnd() < 0.1 ? null : pick(m.types).id,
      legal_basis_id: rnd() < 0.1 ? null : pick(m.bases).id,
      filed_on: filed,
    };
  });
}

export async function insertAll(db: Knex, rows: GenPetition[]): Promise<void> {
  const personId = await insertPerson(db, { birth_date: '1940-01-01' });
  for (let i = 0; i < rows.length; i += 200) {
    await db('petitions').insert(rows.slice(i, i + 200).map((r) => ({ ...r, person_id: personId })));
  }
}

/** The fiscal year of a date, the way a person counts it: April–March. */
export function fyOf(date: string): number {
  const [y, m] = date.split('-').map(Number);
  return m >= 4 ? y : y - 1;
}

/** Petitions filed in fiscal year fy for which `where` holds. */
export function expectedCount(rows: GenPetition[], fy: number, where: (g: GenPetition) => boolean): number {
  return rows.filter((g) => g.filed_on !== null && fyOf(g.filed_on) === fy && where(g)).length;
}
