import { Knex } from 'knex';
import { hashPassword } from '../../src/auth/passwords';
import { isTwoFactorRequired } from '../../src/auth/two-factor-settings';
import { Role } from '../../src/policy';
import { personColumns } from '../../src/features/persons/persons-queries';
import { PersonValues } from '../../src/features/persons/persons-fields';

export const TEST_PASSWORD = 'correct horse battery staple 9';
/** The TOTP secret of every test user made with a second factor (loginAs answers its codes). */
export const TEST_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
let cachedHash: Promise<string> | null = null;

let seq = 0;
/**
 * A user who can log in with TEST_PASSWORD (the hash is computed once per worker).
 * twoFactor: enrol with TEST_TOTP_SECRET; by default exactly when the settings require it for
 * the role (admin and manager as seeded), so such users are never held at the enrolment page.
 */
export async function makeUser(
  db: Knex,
  opts: { role: Role; ward?: string; username?: string; mustChange?: boolean; disabled?: boolean; twoFactor?: boolean },
): Promise<{ id: number; username: string; ward_id: number | null }> {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const username = opts.username ?? `${opts.role}${++seq}`;
  const ward = opts.role === 'ward' ? await db('wards').where({ name: opts.ward ?? '東区' }).first('id') : null;
  const [row] = await db('users').insert({
    username, display_name: `テスト ${username}`, role: opts.role, ward_id: ward?.id ?? null,
    password_hash: await cachedHash, must_change_password: opts.mustChange ?? false,
    disabled_at: opts.disabled ? new Date() : null,
  }).returning(['id', 'ward_id']);
  if (opts.twoFactor ?? (await isTwoFactorRequired(db, opts.role))) {
    await db('user_totp').insert({ user_id: row.id, secret: TEST_TOTP_SECRET, last_step: null, enrolled_at: new Date() });
  }
  return { id: row.id, username, ward_id: row.ward_id };
}

/** The id of a ward by its name. */
export async function wardId(db: Knex, name: string): Promise<number> {
  const row = await db('wards').where({ name }).first('id');
  if (!row) throw new Error(`no ward ${name}`);
  return row.id;
}

/** The id of a code-list entry (sex, condition, care_level…) by its label. */
export async function codeId(db: Knex, list: string, label: string): Promise<number> {
  const row = await db('code_entries').where({ list, label }).first('id');
  if (!row) throw new Error(`no code ${list}/${label}`);
  return row.id;
}

/** Every column of a person, blank: what the form sends untouched. */
export const BLANK_PERSON: PersonValues = {
  name: '', name_kana: '', birth_date: null, sex_id: null, ward_id: null, address: null, phone: null, condition_id: null,
  handbook_type_id: null, handbook_grade: null, care_level_id: null, living: null, welfare_status: null,
  guardianship_type_id: null, guardian_name: null, guardian_relation_id: null, notes: null,
};

let personSeq = 0;
/**
 * A person inserted directly, with kana_key and phone_digits derived as the app derives them; the
 * kana is stored as given. Without a name, a made-up one (試験 本人N) with its own kana.
 */
export async function insertPerson(db: Knex, v: Partial<PersonValues> = {}): Promise<number> {
  const n = ++personSeq;
  const made = { name: `試験 本人${n}`, name_kana: `テスト\u3000ホンニン${'ア'.repeat(n % 7)}${n}` };
  const [row] = await db('persons').insert(personColumns({ ...BLANK_PERSON, ...made, ...v })).returning('id');
  return row.id as number;
}

/** A consultation inserted directly: on 2026-11-01 and in the first top-level category unless given. */
export async function insertConsultation(db: Knex, c: Record<string, unknown> & { category_id?: number } = {}): Promise<number> {
  const category = c.category_id ?? (await db('consultation_categories').whereNull('parent_id').orderBy('sort_order').first('id')).id;
  const [row] = await db('consultations').insert({ consulted_on: '2026-11-01', ...c, category_id: category }).returning('id');
  return row.id as number;
}
