import { Knex } from 'knex';
import { generatePassword, hashPassword } from '../src/auth/passwords';
import { fiscalYearOf } from '../src/lib/dates';
import { generatePetitions } from '../seeds/volume/petitions';

export interface BenchUser { id: number; username: string; password: string }

export interface BenchUsers {
  /** logged in for the page measurements and the probe */
  main: BenchUser;
  /** one per concurrent session of the load, and the login bursts */
  staff: BenchUser[];
  /** 区役所職員 of the first ward (no second factor by default) */
  ward: BenchUser & { wardId: number };
  all: number[];
}

async function upsertUser(db: Knex, username: string, displayName: string, role: 'staff' | 'ward', wardId: number | null): Promise<BenchUser> {
  const password = generatePassword(20);
  const row = { password_hash: await hashPassword(password), must_change_password: false, disabled_at: null, role, ward_id: wardId };
  const existing = await db('users').whereRaw('lower(username) = ?', [username]).first('id');
  const id: number = existing
    ? (await db('users').where({ id: existing.id }).update(row), existing.id)
    : (await db('users').insert({ ...row, username, display_name: displayName }).returning('id'))[0].id;
  return { id, username, password };
}

/**
 * The bench's own accounts, created once and re-enabled with fresh random passwords each run:
 * bench-staff (main), bench-staff-01…NN (sessions) and bench-ward. Any second factor, lock or
 * failure count left on them is cleared, so every login is a plain password login.
 */
export async function prepareUsers(db: Knex, sessions: number): Promise<BenchUsers> {
  const wardId = Number((await db('wards').orderBy(['sort_order', 'id']).first('id')).id);
  const main = await upsertUser(db, 'bench-staff', 'ベンチマーク', 'staff', null);
  const staff = await Promise.all(Array.from({ length: sessions }, (_, i) => {
    const no = String(i + 1).padStart(2, '0');
    return upsertUser(db, `bench-staff-${no}`, `ベンチマーク${no}`, 'staff', null);
  }));
  const ward = { ...(await upsertUser(db, 'bench-ward', 'ベンチマーク（区）', 'ward', wardId)), wardId };
  const users = [main, ...staff, ward];
  const all = users.map((u) => u.id);
  await db('consultations').whereIn('created_by', all).del(); // left by a run that was cut short
  await db('user_totp').whereIn('user_id', all).del();
  await db('account_locks').whereIn('username', users.map((u) => u.username)).del();
  await db('login_failures').whereIn('username', users.map((u) => u.username)).del();
  return { main, staff, ward, all };
}

/**
 * Afterwards: the consultations the bench users created are deleted (so later runs and tallies
 * see the seeded volume only), their sessions ended and the accounts disabled. Audit rows stay:
 * the audit log is append-only by design.
 */
export async function cleanUp(db: Knex, users: BenchUsers): Promise<number> {
  const removed = await db('consultations').whereIn('created_by', users.all).del();
  await db('sessions').whereIn('user_id', users.all).del();
  await db('users').whereIn('id', users.all).update({ disabled_at: new Date() });
  return removed;
}

/** 2,000 petitions over 10 fiscal years (about 200 a year over 5 wards) when the volume data has none. */
export async function ensurePetitions(db: Knex, today: string): Promise<number> {
  const existing = Number((await db('petitions').count({ n: '*' }))[0].n);
  if (existing > 0) return existing;
  await generatePetitions(db, { petitions: 2000, firstFiscalYear: fiscalYearOf(today) - 9, until: today });
  return Number((await db('petitions').count({ n: '*' }))[0].n);
}

export interface Samples {
  /** the person page measured: the one with a petition and the most consultations */
  person: { id: number; consultations: number };
  /** persons the journeys link new consultations to and open */
  persons: number[];
  /** a leaf consultation category a new record may take */
  category: number;
  method: number;
}

export async function pickSamples(db: Knex): Promise<Samples> {
  const heavy = await db('petitions as p').join('consultations as c', 'c.person_id', 'p.person_id')
    .whereNull('c.deleted_at').groupBy('p.person_id').orderBy([{ column: 'n', order: 'desc' }, { column: 'p.person_id' }])
    .first('p.person_id as id', db.raw('count(*)::int as n'));
  const persons = (await db('persons').whereNull('merged_into_id').orderBy('id').limit(200).offset(1000).pluck('id')).map(Number);
  const leaf = await db('consultation_categories as c').whereNull('c.retired_at')
    .whereNotExists(db('consultation_categories as k').whereRaw('k.parent_id = c.id')).orderBy('c.id').first('c.id');
  const method = await db('code_entries').where({ list: 'consultation_method' }).whereNull('retired_at').orderBy('sort_order').first('id');
  return { person: { id: Number(heavy.id), consultations: Number(heavy.n) }, persons, category: Number(leaf.id), method: Number(method.id) };
}
